/* The methods every fd-backed IO object type repeats (pipes, UNIX
 * sockets, serial ports): close, cancel, release, assign, the is_open
 * property and the plain read_some/write_some.  Each type registers a
 * one-line C function of its own that checks self against its type and
 * calls these, so argument errors name the type the method was called on.
 * Static inline: a module links nothing more for them. */
#ifndef EMILUA_IO_METHODS_H
#define EMILUA_IO_METHODS_H

#include <string.h>
#include <unistd.h>

#include <emilua/asio_error.h>
#include <emilua/file_descriptor.h>
#include <emilua/io.h>

static inline int emilua_io_raise_status(lua_State *L, int status)
{
    emilua_push_status(L, status);
    return lua_error(L);
}

static inline int emilua_io_method_close(lua_State *L, emilua_io *io)
{
    int rc = emilua_io_close(io);
    return rc < 0 ? emilua_io_raise_status(L, rc) : 0;
}

static inline int emilua_io_method_cancel(lua_State *L, emilua_io *io)
{
    if (io->fd < 0)
        return emilua_raise_errno(L, EBADF);
    emilua_io_cancel(io);
    return 0;
}

static inline int emilua_io_method_release(lua_State *L, emilua_io *io)
{
    int fd = emilua_io_release(io);
    if (fd < 0)
        return emilua_io_raise_status(L, fd);
    emilua_push_file_descriptor(L, fd);
    return 1;
}

/* assign(self, fd): everything is checked before the fd is taken, so a
 * failed assign leaves the file_descriptor as it was. */
static inline int emilua_io_method_assign(lua_State *L, emilua_io *io,
                                          int argn)
{
    emilua_check_file_descriptor(L, argn, "fd");
    if (io->fd >= 0)
        return emilua_raise_error(L, &emilua_asio_misc_category,
                                  EMILUA_ASIO_MISC_ALREADY_OPEN);
    int fd = emilua_take_file_descriptor(L, argn, "fd");
    int rc = emilua_io_assign(io, fd, true);
    if (rc < 0) {
        close(fd);
        return emilua_io_raise_status(L, rc);
    }
    return 0;
}

/* new([fd]): the object on top of the stack adopts the optional fd at
 * argn.  Call lua_settop(L, argn) before making the object, so that a
 * call without the argument does not see the object there. */
static inline void emilua_io_new_from(lua_State *L, emilua_io *io, int argn)
{
    if (!lua_isnil(L, argn))
        emilua_io_method_assign(L, io, argn);
}

static inline ssize_t emilua_io_try_read(emilua_io *io, emilua_io_op *op)
{
    if (op->len == 0)
        return 0;
    ssize_t n = read(io->fd, op->buf, op->len);
    return n > 0 ? n : n == 0 ? EMILUA_EOF : -errno;
}

static inline ssize_t emilua_io_try_write(emilua_io *io, emilua_io_op *op)
{
    ssize_t n = write(io->fd, op->buf, op->len);
    return n >= 0 ? n : -errno;
}

/* read_some(self, buffer) / write_some(self, buffer); EMILUA_SUSPENDS. */
static inline int emilua_io_method_read_some(lua_State *L, emilua_io *io)
{
    emilua_byte_span *s = emilua_check_byte_span(L, 2);
    emilua_io_op *op = emilua_io_op_begin(L, io, EMILUA_IO_IN,
                                          emilua_io_try_read, NULL);
    emilua_io_op_buffer(op, s);
    return emilua_io_submit(L, op);
}

static inline int emilua_io_method_write_some(lua_State *L, emilua_io *io)
{
    emilua_byte_span *s = emilua_check_byte_span(L, 2);
    emilua_io_op *op = emilua_io_op_begin(L, io, EMILUA_IO_OUT,
                                          emilua_io_try_write, NULL);
    emilua_io_op_buffer(op, s);
    return emilua_io_submit(L, op);
}

/* An __index fallback's start: the methods table (upvalue 1), then the
 * is_open property.  Returns 1 when it pushed the value, else 0 with
 * *key set to the string key ("" for any other value). */
static inline int emilua_io_index_common(lua_State *L, emilua_io *io,
                                         const char **key)
{
    lua_pushvalue(L, 2);
    lua_rawget(L, lua_upvalueindex(1));
    if (!lua_isnil(L, -1))
        return 1;
    lua_pop(L, 1);
    *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "";
    if (strcmp(*key, "is_open") == 0) {
        lua_pushboolean(L, io->fd >= 0);
        return 1;
    }
    return 0;
}

#endif
