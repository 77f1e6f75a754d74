-- Equality, and Boost.Asio's order: every IPv4 address before every IPv6
-- one, then by bytes, then by scope id.
local ip = require 'ip'
local A = ip.address.new
print(A('1.2.3.4') == A('1.2.3.4'), A('1.2.3.4') == A('1.2.3.5'))
print(A('::1') == A('::1'), A('0.0.0.0') == A('::'))
print(A('1.2.3.4') == '1.2.3.4', rawequal(A('::1'), A('::1')))
print(A('1.2.3.4') < A('1.2.3.5'), A('1.2.3.5') <= A('1.2.3.5'),
      A('9.0.0.0') < A('10.0.0.0'))
print(A('255.255.255.255') < A('::'), A('::') < A('255.255.255.255'))
local list = {A('::1'), A('10.0.0.1'), A('2001:db8::1%2'), A('2001:db8::1%1'),
              A('1.0.0.0'), A('::')}
table.sort(list)
for _, a in ipairs(list) do print(a) end
print(pcall(function() return A('::1') < 1 end))
