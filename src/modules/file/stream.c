/* file.stream: a file read and written at its file position. */
#include <errno.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "file_module.h"

static const emilua_udata_type stream_type;

FILE_SHARED_METHODS(stream, &stream_type)

static int stream_read_some(lua_State *L)
{
    struct file *f = file_check_open(L, &stream_type);
    emilua_byte_span *s = emilua_check_byte_span(L, 2);
    return file_transfer(L, f, false, -1, s);
}

static int stream_write_some(lua_State *L)
{
    struct file *f = file_check_open(L, &stream_type);
    emilua_byte_span *s = emilua_check_byte_span(L, 2);
    return file_transfer(L, f, true, -1, s);
}

static int stream_seek(lua_State *L)
{
    struct file *f = file_check_open(L, &stream_type);
    lua_Integer offset = emilua_check_integer(L, 2, "offset");
    const char *whence = emilua_check_string(L, 3, NULL, "whence");
    int w;
    if (strcmp(whence, "set") == 0)
        w = SEEK_SET;
    else if (strcmp(whence, "cur") == 0)
        w = SEEK_CUR;
    else if (strcmp(whence, "end") == 0)
        w = SEEK_END;
    else
        return emilua_raise_einval_arg(L, 3);
    off_t pos = lseek(f->fd->fd, (off_t)offset, w);
    if (pos < 0)
        return emilua_raise_errno(L, errno);
    lua_pushinteger(L, (lua_Integer)pos);
    return 1;
}

static const emilua_reg stream_methods[] = {
    FILE_SHARED_REGS(stream),
    {"seek", stream_seek, 0},
    {"read_some", stream_read_some, EMILUA_SUSPENDS},
    {"write_some", stream_write_some, EMILUA_SUSPENDS},
    {NULL, NULL, 0},
};

static const luaL_Reg stream_meta[] = {
    {"__gc", emilua_object_gc},
    {NULL, NULL},
};

static const emilua_udata_type stream_type = {
    "file.stream", stream_methods, stream_meta, stream_index,
};

void file_push_stream(lua_State *L)
{
    static const emilua_reg funcs[] = {
        {"new", stream_new, 0},
        {NULL, NULL, 0},
    };
    lua_newtable(L);
    emilua_set_funcs(L, "file.stream", funcs);
}
