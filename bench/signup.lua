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

-- HONEYPOT=1: the same request with the bots' field filled, answered with the same redirect but stored nowhere (baseline).
local honeypot = os.getenv("HONEYPOT") == "1" and "&website=http%3A%2F%2Fspam.example" or ""

function request()
  counter = counter + 1
  local body = "email=" .. prefix .. "-" .. counter .. "%40example.de&quelle=%2Fnews%2Fbench" .. honeypot
  return wrk.format("POST", "/newsletter", { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

function response(status, headers, body)
  if status ~= 302 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end
