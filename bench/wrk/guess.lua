-- The attacker of the password scenario: posts wrong passwords to the path pattern (args[1], "%s" for a link's key;
-- the platform's POST files/share/{key}/password) for the keys in a file (args[2]), from args[3] client addresses
-- sent as X-Forwarded-For (the server is started trusting the loopback as its proxy, so this is the address its
-- brakes see). One address in five is IPv4, each its own /32 in 198.18.0.0/15 (the benchmarking range); the rest
-- are IPv6 from args[4] /64s of 2001:db8::/32. Consecutive guesses go to different links, and each address tries
-- every link before any address comes round again; args[5] is wrk's thread count. Prints one machine-readable
-- GUESSES line: guesses sent, answered "wrong password" (so the server checked them), answered 429 (refused
-- unchecked), answered otherwise, and still unanswered when wrk stopped (the server may check those too).
local keys = {}
local addresses = {}
local pattern
local counter = 0
local threads = {}
-- Globals, so that done() can read each thread's counts.
sent, checked, refused, other = 0, 0, 0, 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  pattern = args[1]
  for line in io.lines(args[2]) do
    if #line > 0 then keys[#keys + 1] = line end
  end
  local count, networks = tonumber(args[3]), tonumber(args[4])
  local v4, v6 = 0, 0
  for i = 0, count - 1 do
    if i % 5 == 0 then
      addresses[#addresses + 1] = string.format("198.18.%d.%d", math.floor(v4 / 250), v4 % 250 + 1)
      v4 = v4 + 1
    else
      addresses[#addresses + 1] = string.format("2001:db8:0:%x::%x", v6 % networks, v6 + 1)
      v6 = v6 + 1
    end
  end
  -- Threads start evenly apart in the sequence, so that they do not send the same guesses.
  counter = id * math.floor(#keys * #addresses / tonumber(args[5]))
end

function request()
  sent = sent + 1
  counter = counter + 1
  local key = keys[counter % #keys + 1]
  local address = addresses[math.floor(counter / #keys) % #addresses + 1]
  return wrk.format("POST", string.format(pattern, key),
    { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = address },
    string.format('{"password":"guess-%d"}', counter))
end

function response(status, headers, body)
  -- ExternalShareStatus 4: the password was checked and is wrong.
  if status == 200 and string.find(body, '"response":{"status":4,', 1, true) then
    checked = checked + 1
  elseif status == 429 then
    refused = refused + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local s, c, r, o = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    s = s + thread:get("sent")
    c = c + thread:get("checked")
    r = r + thread:get("refused")
    o = o + thread:get("other")
  end
  local e = summary.errors
  io.write(string.format("GUESSES sent=%d checked=%d refused=%d other=%d unanswered=%d errors=%d\n",
    s, c, r, o, s - c - r - o, e.connect + e.read + e.write + e.timeout))
end
