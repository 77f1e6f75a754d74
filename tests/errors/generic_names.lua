-- A sample of generic_error names: code, message and category (Linux).
local ge = require 'generic_error'
local names = {
    'EPIPE', 'ESPIPE', 'EINVAL', 'ENOENT', 'EEXIST', 'EACCES', 'EPERM',
    'EAGAIN', 'EWOULDBLOCK', 'ECANCELED', 'ECONNREFUSED', 'ECONNRESET',
    'ETIMEDOUT', 'EBADF', 'EINTR', 'EISDIR', 'ENOTDIR', 'ENOMEM',
    'EADDRINUSE', 'ENOTSUP', 'EOPNOTSUPP', 'E2BIG', 'ENOSYS', 'ELOOP',
    'EMFILE', 'EDEADLK', 'EOWNERDEAD', 'EAFNOSUPPORT', 'ENOTEMPTY',
    'EPROTOTYPE',
}
for _, name in ipairs(names) do
    local e = ge[name]
    print(name, e.code, tostring(e), tostring(e.category))
end
