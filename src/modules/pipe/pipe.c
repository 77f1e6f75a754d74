/* pipe: the two ends of an anonymous pipe as IO objects (emilua/io.h),
 * pipe.read_stream and pipe.write_stream, and pipe.pair().  Writing to a
 * pipe whose reader is gone fails with EPIPE: main() ignores SIGPIPE. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <emilua/io_methods.h>

int emilua_open_pipe(lua_State *L);

static const emilua_udata_type read_type, write_type;

#define PIPE_COMMON(p, type)                                                 \
    static int p##_close(lua_State *L)                                      \
    {                                                                        \
        return emilua_io_method_close(L, emilua_object_check(L, 1, &type)); \
    }                                                                        \
    static int p##_cancel(lua_State *L)                                     \
    {                                                                        \
        return emilua_io_method_cancel(L, emilua_object_check(L, 1, &type));\
    }                                                                        \
    static int p##_release(lua_State *L)                                    \
    {                                                                        \
        return emilua_io_method_release(L,                                   \
                                        emilua_object_check(L, 1, &type));  \
    }                                                                        \
    static int p##_assign(lua_State *L)                                     \
    {                                                                        \
        return emilua_io_method_assign(L, emilua_object_check(L, 1, &type), \
                                       2);                                   \
    }                                                                        \
    static int p##_index(lua_State *L)                                      \
    {                                                                        \
        const char *key;                                                     \
        if (emilua_io_index_common(L, emilua_object_check(L, 1, &type),     \
                                   &key))                                    \
            return 1;                                                        \
        return luaL_error(L, "%s: no field '%s'", type.name, key);          \
    }                                                                        \
    static int p##_new(lua_State *L)                                        \
    {                                                                        \
        lua_settop(L, 1);                                                    \
        emilua_io *io = emilua_io_new(L, &type, sizeof(emilua_io));         \
        emilua_io_new_from(L, io, 1);                                        \
        return 1;                                                            \
    }

PIPE_COMMON(rd, read_type)
PIPE_COMMON(wr, write_type)

static int rd_read_some(lua_State *L)
{
    return emilua_io_method_read_some(L, emilua_object_check(L, 1, &read_type));
}

static int wr_write_some(lua_State *L)
{
    return emilua_io_method_write_some(L,
                                       emilua_object_check(L, 1, &write_type));
}

static const emilua_reg rd_methods[] = {
    {"close", rd_close, 0},
    {"cancel", rd_cancel, 0},
    {"release", rd_release, 0},
    {"assign", rd_assign, 0},
    {"read_some", rd_read_some, EMILUA_SUSPENDS},
    {NULL, NULL, 0},
};

static const emilua_reg wr_methods[] = {
    {"close", wr_close, 0},
    {"cancel", wr_cancel, 0},
    {"release", wr_release, 0},
    {"assign", wr_assign, 0},
    {"write_some", wr_write_some, EMILUA_SUSPENDS},
    {NULL, NULL, 0},
};

static const luaL_Reg io_meta[] = {
    {"__gc", emilua_object_gc},
    {NULL, NULL},
};

static const emilua_udata_type read_type = {
    "pipe.read_stream", rd_methods, io_meta, rd_index,
};
static const emilua_udata_type write_type = {
    "pipe.write_stream", wr_methods, io_meta, wr_index,
};

static int pipe_pair(lua_State *L)
{
    /* Both objects first, so a failed allocation leaks no fd. */
    emilua_io *r = emilua_io_new(L, &read_type, sizeof(emilua_io));
    emilua_io *w = emilua_io_new(L, &write_type, sizeof(emilua_io));
    int fds[2];
    if (pipe2(fds, O_NONBLOCK | O_CLOEXEC) != 0)
        return emilua_raise_errno(L, errno);
    emilua_io_assign(r, fds[0], false);
    emilua_io_assign(w, fds[1], false);
    return 2;
}

static const emilua_reg pair_funcs[] = {
    {"pair", pipe_pair, 0},
    {NULL, NULL, 0},
};

static void set_type(lua_State *L, const char *field, const char *table_name,
                     lua_CFunction new_fn)
{
    const emilua_reg regs[] = {{"new", new_fn, 0}, {NULL, NULL, 0}};
    lua_newtable(L);
    emilua_set_funcs(L, table_name, regs);
    lua_setfield(L, -2, field);
}

int emilua_open_pipe(lua_State *L)
{
    lua_newtable(L);
    emilua_set_funcs(L, "pipe", pair_funcs);
    set_type(L, "read_stream", "pipe.read_stream", rd_new);
    set_type(L, "write_stream", "pipe.write_stream", wr_new);
    /* pipe ends may be sent to other VMs */
    emilua_udata_set_move(L, &read_type, &emilua_io_plain_move);
    emilua_udata_set_move(L, &write_type, &emilua_io_plain_move);
    return 1;
}
