/* The constants of the init.script's table C; each one only where the
 * headers define it. */
static const struct { const char *name; long long value; } constants[] = {
#ifdef EAFNOSUPPORT
    {"EAFNOSUPPORT", (long long)(EAFNOSUPPORT)},
#endif
#ifdef EADDRINUSE
    {"EADDRINUSE", (long long)(EADDRINUSE)},
#endif
#ifdef EADDRNOTAVAIL
    {"EADDRNOTAVAIL", (long long)(EADDRNOTAVAIL)},
#endif
#ifdef EISCONN
    {"EISCONN", (long long)(EISCONN)},
#endif
#ifdef E2BIG
    {"E2BIG", (long long)(E2BIG)},
#endif
#ifdef EDOM
    {"EDOM", (long long)(EDOM)},
#endif
#ifdef EFAULT
    {"EFAULT", (long long)(EFAULT)},
#endif
#ifdef EBADF
    {"EBADF", (long long)(EBADF)},
#endif
#ifdef EBADMSG
    {"EBADMSG", (long long)(EBADMSG)},
#endif
#ifdef EPIPE
    {"EPIPE", (long long)(EPIPE)},
#endif
#ifdef ECONNABORTED
    {"ECONNABORTED", (long long)(ECONNABORTED)},
#endif
#ifdef EALREADY
    {"EALREADY", (long long)(EALREADY)},
#endif
#ifdef ECONNREFUSED
    {"ECONNREFUSED", (long long)(ECONNREFUSED)},
#endif
#ifdef ECONNRESET
    {"ECONNRESET", (long long)(ECONNRESET)},
#endif
#ifdef EXDEV
    {"EXDEV", (long long)(EXDEV)},
#endif
#ifdef EDESTADDRREQ
    {"EDESTADDRREQ", (long long)(EDESTADDRREQ)},
#endif
#ifdef EBUSY
    {"EBUSY", (long long)(EBUSY)},
#endif
#ifdef ENOTEMPTY
    {"ENOTEMPTY", (long long)(ENOTEMPTY)},
#endif
#ifdef ENOEXEC
    {"ENOEXEC", (long long)(ENOEXEC)},
#endif
#ifdef EEXIST
    {"EEXIST", (long long)(EEXIST)},
#endif
#ifdef EFBIG
    {"EFBIG", (long long)(EFBIG)},
#endif
#ifdef ENAMETOOLONG
    {"ENAMETOOLONG", (long long)(ENAMETOOLONG)},
#endif
#ifdef ENOSYS
    {"ENOSYS", (long long)(ENOSYS)},
#endif
#ifdef EHOSTUNREACH
    {"EHOSTUNREACH", (long long)(EHOSTUNREACH)},
#endif
#ifdef EIDRM
    {"EIDRM", (long long)(EIDRM)},
#endif
#ifdef EILSEQ
    {"EILSEQ", (long long)(EILSEQ)},
#endif
#ifdef ENOTTY
    {"ENOTTY", (long long)(ENOTTY)},
#endif
#ifdef EINTR
    {"EINTR", (long long)(EINTR)},
#endif
#ifdef EINVAL
    {"EINVAL", (long long)(EINVAL)},
#endif
#ifdef ESPIPE
    {"ESPIPE", (long long)(ESPIPE)},
#endif
#ifdef EIO
    {"EIO", (long long)(EIO)},
#endif
#ifdef EISDIR
    {"EISDIR", (long long)(EISDIR)},
#endif
#ifdef EMSGSIZE
    {"EMSGSIZE", (long long)(EMSGSIZE)},
#endif
#ifdef ENETDOWN
    {"ENETDOWN", (long long)(ENETDOWN)},
#endif
#ifdef ENETRESET
    {"ENETRESET", (long long)(ENETRESET)},
#endif
#ifdef ENETUNREACH
    {"ENETUNREACH", (long long)(ENETUNREACH)},
#endif
#ifdef ENOBUFS
    {"ENOBUFS", (long long)(ENOBUFS)},
#endif
#ifdef ECHILD
    {"ECHILD", (long long)(ECHILD)},
#endif
#ifdef ENOLINK
    {"ENOLINK", (long long)(ENOLINK)},
#endif
#ifdef ENOLCK
    {"ENOLCK", (long long)(ENOLCK)},
#endif
#ifdef ENOMSG
    {"ENOMSG", (long long)(ENOMSG)},
#endif
#ifdef ENOPROTOOPT
    {"ENOPROTOOPT", (long long)(ENOPROTOOPT)},
#endif
#ifdef ENOSPC
    {"ENOSPC", (long long)(ENOSPC)},
#endif
#ifdef ENXIO
    {"ENXIO", (long long)(ENXIO)},
#endif
#ifdef ENODEV
    {"ENODEV", (long long)(ENODEV)},
#endif
#ifdef ENOENT
    {"ENOENT", (long long)(ENOENT)},
#endif
#ifdef ESRCH
    {"ESRCH", (long long)(ESRCH)},
#endif
#ifdef ENOTDIR
    {"ENOTDIR", (long long)(ENOTDIR)},
#endif
#ifdef ENOTSOCK
    {"ENOTSOCK", (long long)(ENOTSOCK)},
#endif
#ifdef ENOTCONN
    {"ENOTCONN", (long long)(ENOTCONN)},
#endif
#ifdef ENOMEM
    {"ENOMEM", (long long)(ENOMEM)},
#endif
#ifdef ENOTSUP
    {"ENOTSUP", (long long)(ENOTSUP)},
#endif
#ifdef ECANCELED
    {"ECANCELED", (long long)(ECANCELED)},
#endif
#ifdef EINPROGRESS
    {"EINPROGRESS", (long long)(EINPROGRESS)},
#endif
#ifdef EPERM
    {"EPERM", (long long)(EPERM)},
#endif
#ifdef EOPNOTSUPP
    {"EOPNOTSUPP", (long long)(EOPNOTSUPP)},
#endif
#ifdef EWOULDBLOCK
    {"EWOULDBLOCK", (long long)(EWOULDBLOCK)},
#endif
#ifdef EOWNERDEAD
    {"EOWNERDEAD", (long long)(EOWNERDEAD)},
#endif
#ifdef EACCES
    {"EACCES", (long long)(EACCES)},
#endif
#ifdef EPROTO
    {"EPROTO", (long long)(EPROTO)},
#endif
#ifdef EPROTONOSUPPORT
    {"EPROTONOSUPPORT", (long long)(EPROTONOSUPPORT)},
#endif
#ifdef EROFS
    {"EROFS", (long long)(EROFS)},
#endif
#ifdef EDEADLK
    {"EDEADLK", (long long)(EDEADLK)},
#endif
#ifdef EAGAIN
    {"EAGAIN", (long long)(EAGAIN)},
#endif
#ifdef ERANGE
    {"ERANGE", (long long)(ERANGE)},
#endif
#ifdef ENOTRECOVERABLE
    {"ENOTRECOVERABLE", (long long)(ENOTRECOVERABLE)},
#endif
#ifdef ETXTBSY
    {"ETXTBSY", (long long)(ETXTBSY)},
#endif
#ifdef ETIMEDOUT
    {"ETIMEDOUT", (long long)(ETIMEDOUT)},
#endif
#ifdef ENFILE
    {"ENFILE", (long long)(ENFILE)},
#endif
#ifdef EMFILE
    {"EMFILE", (long long)(EMFILE)},
#endif
#ifdef EMLINK
    {"EMLINK", (long long)(EMLINK)},
#endif
#ifdef ELOOP
    {"ELOOP", (long long)(ELOOP)},
#endif
#ifdef EOVERFLOW
    {"EOVERFLOW", (long long)(EOVERFLOW)},
#endif
#ifdef EPROTOTYPE
    {"EPROTOTYPE", (long long)(EPROTOTYPE)},
#endif
#ifdef O_CLOEXEC
    {"O_CLOEXEC", (long long)(O_CLOEXEC)},
#endif
#ifdef O_CREAT
    {"O_CREAT", (long long)(O_CREAT)},
#endif
#ifdef O_RDONLY
    {"O_RDONLY", (long long)(O_RDONLY)},
#endif
#ifdef O_WRONLY
    {"O_WRONLY", (long long)(O_WRONLY)},
#endif
#ifdef O_RDWR
    {"O_RDWR", (long long)(O_RDWR)},
#endif
#ifdef O_DIRECTORY
    {"O_DIRECTORY", (long long)(O_DIRECTORY)},
#endif
#ifdef O_EXCL
    {"O_EXCL", (long long)(O_EXCL)},
#endif
#ifdef O_NOCTTY
    {"O_NOCTTY", (long long)(O_NOCTTY)},
#endif
#ifdef O_NOFOLLOW
    {"O_NOFOLLOW", (long long)(O_NOFOLLOW)},
#endif
#ifdef O_TMPFILE
    {"O_TMPFILE", (long long)(O_TMPFILE)},
#endif
#ifdef O_TRUNC
    {"O_TRUNC", (long long)(O_TRUNC)},
#endif
#ifdef O_APPEND
    {"O_APPEND", (long long)(O_APPEND)},
#endif
#ifdef O_ASYNC
    {"O_ASYNC", (long long)(O_ASYNC)},
#endif
#ifdef O_DIRECT
    {"O_DIRECT", (long long)(O_DIRECT)},
#endif
#ifdef O_DSYNC
    {"O_DSYNC", (long long)(O_DSYNC)},
#endif
#ifdef O_LARGEFILE
    {"O_LARGEFILE", (long long)(O_LARGEFILE)},
#endif
#ifdef O_NOATIME
    {"O_NOATIME", (long long)(O_NOATIME)},
#endif
#ifdef O_NONBLOCK
    {"O_NONBLOCK", (long long)(O_NONBLOCK)},
#endif
#ifdef O_PATH
    {"O_PATH", (long long)(O_PATH)},
#endif
#ifdef O_SYNC
    {"O_SYNC", (long long)(O_SYNC)},
#endif
#ifdef S_IRWXU
    {"S_IRWXU", (long long)(S_IRWXU)},
#endif
#ifdef S_IRUSR
    {"S_IRUSR", (long long)(S_IRUSR)},
#endif
#ifdef S_IWUSR
    {"S_IWUSR", (long long)(S_IWUSR)},
#endif
#ifdef S_IXUSR
    {"S_IXUSR", (long long)(S_IXUSR)},
#endif
#ifdef S_IRWXG
    {"S_IRWXG", (long long)(S_IRWXG)},
#endif
#ifdef S_IRGRP
    {"S_IRGRP", (long long)(S_IRGRP)},
#endif
#ifdef S_IWGRP
    {"S_IWGRP", (long long)(S_IWGRP)},
#endif
#ifdef S_IXGRP
    {"S_IXGRP", (long long)(S_IXGRP)},
#endif
#ifdef S_IRWXO
    {"S_IRWXO", (long long)(S_IRWXO)},
#endif
#ifdef S_IROTH
    {"S_IROTH", (long long)(S_IROTH)},
#endif
#ifdef S_IWOTH
    {"S_IWOTH", (long long)(S_IWOTH)},
#endif
#ifdef S_IXOTH
    {"S_IXOTH", (long long)(S_IXOTH)},
#endif
#ifdef S_ISUID
    {"S_ISUID", (long long)(S_ISUID)},
#endif
#ifdef S_ISGID
    {"S_ISGID", (long long)(S_ISGID)},
#endif
#ifdef S_ISVTX
    {"S_ISVTX", (long long)(S_ISVTX)},
#endif
#ifdef F_OK
    {"F_OK", (long long)(F_OK)},
#endif
#ifdef R_OK
    {"R_OK", (long long)(R_OK)},
#endif
#ifdef W_OK
    {"W_OK", (long long)(W_OK)},
#endif
#ifdef X_OK
    {"X_OK", (long long)(X_OK)},
#endif
#ifdef AT_FDCWD
    {"AT_FDCWD", (long long)(AT_FDCWD)},
#endif
#ifdef AT_EMPTY_PATH
    {"AT_EMPTY_PATH", (long long)(AT_EMPTY_PATH)},
#endif
#ifdef AT_SYMLINK_FOLLOW
    {"AT_SYMLINK_FOLLOW", (long long)(AT_SYMLINK_FOLLOW)},
#endif
#ifdef AT_SYMLINK_NOFOLLOW
    {"AT_SYMLINK_NOFOLLOW", (long long)(AT_SYMLINK_NOFOLLOW)},
#endif
#ifdef AF_UNIX
    {"AF_UNIX", (long long)(AF_UNIX)},
#endif
#ifdef AF_LOCAL
    {"AF_LOCAL", (long long)(AF_LOCAL)},
#endif
#ifdef AF_INET
    {"AF_INET", (long long)(AF_INET)},
#endif
#ifdef AF_INET6
    {"AF_INET6", (long long)(AF_INET6)},
#endif
#ifdef AF_UNSPEC
    {"AF_UNSPEC", (long long)(AF_UNSPEC)},
#endif
#ifdef SOCK_STREAM
    {"SOCK_STREAM", (long long)(SOCK_STREAM)},
#endif
#ifdef SOCK_DGRAM
    {"SOCK_DGRAM", (long long)(SOCK_DGRAM)},
#endif
#ifdef SOCK_SEQPACKET
    {"SOCK_SEQPACKET", (long long)(SOCK_SEQPACKET)},
#endif
#ifdef IPPROTO_TCP
    {"IPPROTO_TCP", (long long)(IPPROTO_TCP)},
#endif
#ifdef IPPROTO_UDP
    {"IPPROTO_UDP", (long long)(IPPROTO_UDP)},
#endif
#ifdef IPPROTO_SCTP
    {"IPPROTO_SCTP", (long long)(IPPROTO_SCTP)},
#endif
#ifdef SOMAXCONN
    {"SOMAXCONN", (long long)(SOMAXCONN)},
#endif
#ifdef S_IFCHR
    {"S_IFCHR", (long long)(S_IFCHR)},
#endif
#ifdef S_IFBLK
    {"S_IFBLK", (long long)(S_IFBLK)},
#endif
#ifdef MS_REMOUNT
    {"MS_REMOUNT", (long long)(MS_REMOUNT)},
#endif
#ifdef MS_BIND
    {"MS_BIND", (long long)(MS_BIND)},
#endif
#ifdef MS_SHARED
    {"MS_SHARED", (long long)(MS_SHARED)},
#endif
#ifdef MS_PRIVATE
    {"MS_PRIVATE", (long long)(MS_PRIVATE)},
#endif
#ifdef MS_SLAVE
    {"MS_SLAVE", (long long)(MS_SLAVE)},
#endif
#ifdef MS_UNBINDABLE
    {"MS_UNBINDABLE", (long long)(MS_UNBINDABLE)},
#endif
#ifdef MS_MOVE
    {"MS_MOVE", (long long)(MS_MOVE)},
#endif
#ifdef MS_DIRSYNC
    {"MS_DIRSYNC", (long long)(MS_DIRSYNC)},
#endif
#ifdef MS_LAZYTIME
    {"MS_LAZYTIME", (long long)(MS_LAZYTIME)},
#endif
#ifdef MS_MANDLOCK
    {"MS_MANDLOCK", (long long)(MS_MANDLOCK)},
#endif
#ifdef MS_NOATIME
    {"MS_NOATIME", (long long)(MS_NOATIME)},
#endif
#ifdef MS_NODEV
    {"MS_NODEV", (long long)(MS_NODEV)},
#endif
#ifdef MS_NODIRATIME
    {"MS_NODIRATIME", (long long)(MS_NODIRATIME)},
#endif
#ifdef MS_NOEXEC
    {"MS_NOEXEC", (long long)(MS_NOEXEC)},
#endif
#ifdef MS_NOSUID
    {"MS_NOSUID", (long long)(MS_NOSUID)},
#endif
#ifdef MS_RDONLY
    {"MS_RDONLY", (long long)(MS_RDONLY)},
#endif
#ifdef MS_REC
    {"MS_REC", (long long)(MS_REC)},
#endif
#ifdef MS_RELATIME
    {"MS_RELATIME", (long long)(MS_RELATIME)},
#endif
#ifdef MS_SILENT
    {"MS_SILENT", (long long)(MS_SILENT)},
#endif
#ifdef MS_STRICTATIME
    {"MS_STRICTATIME", (long long)(MS_STRICTATIME)},
#endif
#ifdef MS_SYNCHRONOUS
    {"MS_SYNCHRONOUS", (long long)(MS_SYNCHRONOUS)},
#endif
#ifdef MS_NOSYMFOLLOW
    {"MS_NOSYMFOLLOW", (long long)(MS_NOSYMFOLLOW)},
#endif
#ifdef MNT_FORCE
    {"MNT_FORCE", (long long)(MNT_FORCE)},
#endif
#ifdef MNT_DETACH
    {"MNT_DETACH", (long long)(MNT_DETACH)},
#endif
#ifdef MNT_EXPIRE
    {"MNT_EXPIRE", (long long)(MNT_EXPIRE)},
#endif
#ifdef UMOUNT_NOFOLLOW
    {"UMOUNT_NOFOLLOW", (long long)(UMOUNT_NOFOLLOW)},
#endif
#ifdef FSOPEN_CLOEXEC
    {"FSOPEN_CLOEXEC", (long long)(FSOPEN_CLOEXEC)},
#endif
    {"FSCONFIG_SET_FLAG", (long long)(FSCONFIG_SET_FLAG)},  /* an enum */
    {"FSCONFIG_SET_STRING", (long long)(FSCONFIG_SET_STRING)},  /* an enum */
    {"FSCONFIG_SET_BINARY", (long long)(FSCONFIG_SET_BINARY)},  /* an enum */
    {"FSCONFIG_SET_PATH", (long long)(FSCONFIG_SET_PATH)},  /* an enum */
    {"FSCONFIG_SET_PATH_EMPTY", (long long)(FSCONFIG_SET_PATH_EMPTY)},  /* an enum */
    {"FSCONFIG_SET_FD", (long long)(FSCONFIG_SET_FD)},  /* an enum */
    {"FSCONFIG_CMD_CREATE", (long long)(FSCONFIG_CMD_CREATE)},  /* an enum */
    {"FSCONFIG_CMD_RECONFIGURE", (long long)(FSCONFIG_CMD_RECONFIGURE)},  /* an enum */
    {"FSCONFIG_CMD_CREATE_EXCL", 8},  /* newer than these headers */
#ifdef FSMOUNT_CLOEXEC
    {"FSMOUNT_CLOEXEC", (long long)(FSMOUNT_CLOEXEC)},
#endif
#ifdef MOVE_MOUNT_F_SYMLINKS
    {"MOVE_MOUNT_F_SYMLINKS", (long long)(MOVE_MOUNT_F_SYMLINKS)},
#endif
#ifdef MOVE_MOUNT_F_AUTOMOUNTS
    {"MOVE_MOUNT_F_AUTOMOUNTS", (long long)(MOVE_MOUNT_F_AUTOMOUNTS)},
#endif
#ifdef MOVE_MOUNT_F_EMPTY_PATH
    {"MOVE_MOUNT_F_EMPTY_PATH", (long long)(MOVE_MOUNT_F_EMPTY_PATH)},
#endif
#ifdef MOVE_MOUNT_T_SYMLINKS
    {"MOVE_MOUNT_T_SYMLINKS", (long long)(MOVE_MOUNT_T_SYMLINKS)},
#endif
#ifdef MOVE_MOUNT_T_AUTOMOUNTS
    {"MOVE_MOUNT_T_AUTOMOUNTS", (long long)(MOVE_MOUNT_T_AUTOMOUNTS)},
#endif
#ifdef MOVE_MOUNT_T_EMPTY_PATH
    {"MOVE_MOUNT_T_EMPTY_PATH", (long long)(MOVE_MOUNT_T_EMPTY_PATH)},
#endif
#ifdef MOVE_MOUNT_SET_GROUP
    {"MOVE_MOUNT_SET_GROUP", (long long)(MOVE_MOUNT_SET_GROUP)},
#endif
    {"MOVE_MOUNT_BENEATH", 0x200},  /* newer than these headers */
#ifdef OPEN_TREE_CLONE
    {"OPEN_TREE_CLONE", (long long)(OPEN_TREE_CLONE)},
#endif
#ifdef OPEN_TREE_CLOEXEC
    {"OPEN_TREE_CLOEXEC", (long long)(OPEN_TREE_CLOEXEC)},
#endif
#ifdef FSPICK_CLOEXEC
    {"FSPICK_CLOEXEC", (long long)(FSPICK_CLOEXEC)},
#endif
#ifdef FSPICK_SYMLINK_NOFOLLOW
    {"FSPICK_SYMLINK_NOFOLLOW", (long long)(FSPICK_SYMLINK_NOFOLLOW)},
#endif
#ifdef FSPICK_NO_AUTOMOUNT
    {"FSPICK_NO_AUTOMOUNT", (long long)(FSPICK_NO_AUTOMOUNT)},
#endif
#ifdef FSPICK_EMPTY_PATH
    {"FSPICK_EMPTY_PATH", (long long)(FSPICK_EMPTY_PATH)},
#endif
#ifdef AT_RECURSIVE
    {"AT_RECURSIVE", (long long)(AT_RECURSIVE)},
#endif
#ifdef AT_NO_AUTOMOUNT
    {"AT_NO_AUTOMOUNT", (long long)(AT_NO_AUTOMOUNT)},
#endif
#ifdef MOUNT_ATTR_RDONLY
    {"MOUNT_ATTR_RDONLY", (long long)(MOUNT_ATTR_RDONLY)},
#endif
#ifdef MOUNT_ATTR_NOSUID
    {"MOUNT_ATTR_NOSUID", (long long)(MOUNT_ATTR_NOSUID)},
#endif
#ifdef MOUNT_ATTR_NODEV
    {"MOUNT_ATTR_NODEV", (long long)(MOUNT_ATTR_NODEV)},
#endif
#ifdef MOUNT_ATTR_NOEXEC
    {"MOUNT_ATTR_NOEXEC", (long long)(MOUNT_ATTR_NOEXEC)},
#endif
#ifdef MOUNT_ATTR_NOSYMFOLLOW
    {"MOUNT_ATTR_NOSYMFOLLOW", (long long)(MOUNT_ATTR_NOSYMFOLLOW)},
#endif
#ifdef MOUNT_ATTR_NODIRATIME
    {"MOUNT_ATTR_NODIRATIME", (long long)(MOUNT_ATTR_NODIRATIME)},
#endif
#ifdef MOUNT_ATTR__ATIME
    {"MOUNT_ATTR__ATIME", (long long)(MOUNT_ATTR__ATIME)},
#endif
#ifdef MOUNT_ATTR_RELATIME
    {"MOUNT_ATTR_RELATIME", (long long)(MOUNT_ATTR_RELATIME)},
#endif
#ifdef MOUNT_ATTR_NOATIME
    {"MOUNT_ATTR_NOATIME", (long long)(MOUNT_ATTR_NOATIME)},
#endif
#ifdef MOUNT_ATTR_STRICTATIME
    {"MOUNT_ATTR_STRICTATIME", (long long)(MOUNT_ATTR_STRICTATIME)},
#endif
#ifdef MOUNT_ATTR_IDMAP
    {"MOUNT_ATTR_IDMAP", (long long)(MOUNT_ATTR_IDMAP)},
#endif
#ifdef CLONE_NEWCGROUP
    {"CLONE_NEWCGROUP", (long long)(CLONE_NEWCGROUP)},
#endif
#ifdef CLONE_NEWIPC
    {"CLONE_NEWIPC", (long long)(CLONE_NEWIPC)},
#endif
#ifdef CLONE_NEWNET
    {"CLONE_NEWNET", (long long)(CLONE_NEWNET)},
#endif
#ifdef CLONE_NEWNS
    {"CLONE_NEWNS", (long long)(CLONE_NEWNS)},
#endif
#ifdef CLONE_NEWPID
    {"CLONE_NEWPID", (long long)(CLONE_NEWPID)},
#endif
#ifdef CLONE_NEWTIME
    {"CLONE_NEWTIME", (long long)(CLONE_NEWTIME)},
#endif
#ifdef CLONE_NEWUSER
    {"CLONE_NEWUSER", (long long)(CLONE_NEWUSER)},
#endif
#ifdef CLONE_NEWUTS
    {"CLONE_NEWUTS", (long long)(CLONE_NEWUTS)},
#endif
#ifdef SECBIT_NOROOT
    {"SECBIT_NOROOT", (long long)(SECBIT_NOROOT)},
#endif
#ifdef SECBIT_NOROOT_LOCKED
    {"SECBIT_NOROOT_LOCKED", (long long)(SECBIT_NOROOT_LOCKED)},
#endif
#ifdef SECBIT_NO_SETUID_FIXUP
    {"SECBIT_NO_SETUID_FIXUP", (long long)(SECBIT_NO_SETUID_FIXUP)},
#endif
#ifdef SECBIT_NO_SETUID_FIXUP_LOCKED
    {"SECBIT_NO_SETUID_FIXUP_LOCKED", (long long)(SECBIT_NO_SETUID_FIXUP_LOCKED)},
#endif
#ifdef SECBIT_KEEP_CAPS
    {"SECBIT_KEEP_CAPS", (long long)(SECBIT_KEEP_CAPS)},
#endif
#ifdef SECBIT_KEEP_CAPS_LOCKED
    {"SECBIT_KEEP_CAPS_LOCKED", (long long)(SECBIT_KEEP_CAPS_LOCKED)},
#endif
#ifdef SECBIT_NO_CAP_AMBIENT_RAISE
    {"SECBIT_NO_CAP_AMBIENT_RAISE", (long long)(SECBIT_NO_CAP_AMBIENT_RAISE)},
#endif
#ifdef SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED
    {"SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED", (long long)(SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED)},
#endif
};
