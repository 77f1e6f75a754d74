-- The named constructors and the v4 <-> v4-mapped v6 conversions.
local ip = require 'ip'
local A = ip.address
print(A.any_v4(), A.any_v6(), A.loopback_v4(), A.loopback_v6(),
      A.broadcast_v4())
local m = A.new('192.0.2.7'):to_v6()
print(m, m.is_v4_mapped, m:to_v4(), m:to_v4() == A.new('192.0.2.7'))
print(A.loopback_v4():to_v6():to_v4() == A.loopback_v4())
