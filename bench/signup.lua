-- wrk script for bench/signup.sh: every request signs up a new, distinct address.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  thread_id = id
  math.randomseed(os.time() + id)
  prefix = string.format("b%d-%d", os.time(), id)
end

function request()
  counter = counter + 1
  local body = "email=" .. prefix .. "-" .. counter .. "%40example.de&quelle=%2Fnews%2Fbench"
  return wrk.format("POST", "/newsletter", { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

function response(status, headers, body)
  if status ~= 302 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end
