/* The move hook of IO objects whose record is a bare emilua_io (pipe
 * ends, for one): the fd travels, the receiver gets a new object of the
 * same type.  Refused with EBUSY while an operation waits. */
#include <emilua/io.h>

static int plain_check(lua_State *L, int idx, const emilua_udata_type *type)
{
    emilua_io *io = emilua_object_test(L, idx, type);
    if (io->fd < 0)
        return -EBADF;
    if (!emilua_waitq_empty(&io->waiting[0]) ||
        !emilua_waitq_empty(&io->waiting[1]))
        return -EBUSY;
    return 0;
}

static int plain_take(lua_State *L, int idx, const emilua_udata_type *type)
{
    return emilua_io_release(emilua_object_test(L, idx, type));
}

static void plain_push(lua_State *L, int fd, const emilua_udata_type *type)
{
    emilua_io *io = emilua_io_new(L, type, sizeof *io);
    emilua_io_assign(io, fd, false);
}

const emilua_udata_move emilua_io_plain_move = {
    plain_check, plain_take, plain_push,
};
