-- wrk: each request opens a random submission page among the ids listed in the file IDS
local ids = {}
for line in io.lines(os.getenv("IDS")) do
  ids[#ids + 1] = line
end
math.randomseed(42)

request = function()
  return wrk.format("GET", "/submissions/" .. ids[math.random(1, #ids)])
end

-- the same report as the leaderboard run (wrk runs from the repository root)
dofile("scripts/load/report.lua")
