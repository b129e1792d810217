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

-- RATE=N (signups/s over all threads, THREADS of them): each thread sends on a fixed schedule, so the load is N/s
-- whatever the latency, as long as the connections suffice. Unset: as fast as the connections go.
local rate = tonumber(os.getenv("RATE") or "")
local per_thread = tonumber(os.getenv("THREADS") or "2")
local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_nsec; } timespec_t;
  int clock_gettime(int clk, timespec_t *tp);
]]
local ts = ffi.new("timespec_t")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end
local started, scheduled = nil, 0

function delay()
  if not rate then return 0 end
  local now = now_ms()
  started = started or now
  scheduled = scheduled + 1
  local due = started + scheduled * 1000 * per_thread / rate
  return due > now and math.floor(due - now) or 0
end

function response(status, headers, body)
  if status ~= 302 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end
