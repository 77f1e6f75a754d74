-- A client against a real `openssl s_server -rev` (it answers each line
-- reversed), with verification on, through tls.dial by name.
local tls = require 'tls'
local dir = require('system').arguments[3]
local port = require('system').arguments[4]

local ctx = tls.context.new('tls_client')
ctx:load_verify_file(dir .. '/ca.pem')

local sock = tls.dial('localhost:' .. port, ctx)
print('handshake done')
sock:write_some(byte_span.append('hello, openssl\n'))
-- Read up to the end of the answer line.
local answer = ''
while not answer:find('\n') do
    local buf = byte_span.new(64)
    answer = answer .. tostring(buf:sub(1, sock:read_some(buf)))
end
answer = answer:gsub('\n', '')
print(answer)
sock:close()
