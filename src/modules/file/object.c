/* The record both file types share: opening, adopting and letting go of
 * the fd, cancellation, and the properties. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <emilua/asio_error.h>
#include <emilua/file_descriptor.h>
#include <emilua/filesystem.h>

#include "file_module.h"

void file_fd_unref(struct file_fd *h)
{
    if (--h->refs > 0)
        return;
    /* Linux frees the fd even when close() fails: nothing to retry. */
    if (!h->released)
        close(h->fd);
    if (h->own_nbfd)
        close(h->nbfd);
    free(h);
}

/* close() or __gc: the object ends for good. */
static void file_final_close(emilua_object *o)
{
    struct file *f = (struct file *)o;
    file_drop(f, false);
    emilua_object_close_handle((uv_handle_t *)&f->lock_timer);
}

static const emilua_object_ops file_ops = {file_final_close,
                                           file_watch_closed, NULL};

struct file *file_new(lua_State *L, const emilua_udata_type *type)
{
    struct file *f = emilua_object_new(L, type, sizeof *f, &file_ops);
    int status = uv_timer_init(emilua_vm_loop(emilua_vm_of(L)),
                               &f->lock_timer);
    if (status < 0) {
        emilua_push_status(L, status);
        lua_error(L);
    }
    emilua_object_add_handle(&f->obj, (uv_handle_t *)&f->lock_timer);
    return f;
}

int file_adopt(struct file *f, int fd)
{
    struct file_fd *h = malloc(sizeof *h);
    if (!h)
        return -ENOMEM;
    h->fd = fd;
    h->refs = 1;
    h->released = false;
    h->no_nowait = false;
    h->polled = false;
    h->classified = false;
    h->nbfd = -1;
    h->own_nbfd = false;
    f->fd = h;
    return 0;
}

int file_drop(struct file *f, bool release)
{
    struct file_fd *h = f->fd;
    if (!h)
        return -EBADF;
    file_cancel_all(f);
    file_unwatch(f);
    f->fd = NULL;
    int fd = h->fd;
    h->released = release;
    /* Requests still running on the pool keep the fd open until they
     * end; close(2) errors are then lost, as they are for Boost.Asio's
     * files too. */
    bool last = h->refs == 1;
    int status = 0;
    if (last && !release) {
        h->released = true;
        if (close(fd) != 0 && errno != EINTR)
            status = -errno;
    }
    file_fd_unref(h);
    return release ? fd : status;
}

struct file *file_check_open(lua_State *L, const emilua_udata_type *type)
{
    struct file *f = emilua_object_check(L, 1, type);
    if (!f->fd)
        emilua_raise_errno(L, EBADF);
    return f;
}

static const struct {
    const char *name;
    int flag;
} open_flags[] = {
    {"append", O_APPEND},
    {"create", O_CREAT},
    {"exclusive", O_EXCL},
    {"read_only", O_RDONLY},
    {"read_write", O_RDWR},
    {"sync_all_on_write", O_SYNC},
    {"truncate", O_TRUNC},
    {"write_only", O_WRONLY},
};

static int check_open_flags(lua_State *L, int argn)
{
    emilua_check_type(L, argn, LUA_TTABLE, "flags");
    int flags = 0;
    size_t n = lua_objlen(L, argn);
    for (size_t i = 1; i <= n; i++) {
        lua_rawgeti(L, argn, (int)i);
        const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1)
                                                       : "";
        size_t k = 0;
        while (k < sizeof open_flags / sizeof *open_flags &&
               strcmp(s, open_flags[k].name) != 0)
            k++;
        if (k == sizeof open_flags / sizeof *open_flags)
            return emilua_raise_einval_arg(L, argn);
        flags |= open_flags[k].flag;
        lua_pop(L, 1);
    }
    /* "exclusive" means nothing without "create" (open(2) leaves it
     * undefined); the reference says it must be combined with it. */
    if ((flags & O_EXCL) && !(flags & O_CREAT))
        return emilua_raise_einval_arg(L, argn);
    return flags;
}

int file_m_open(lua_State *L, const emilua_udata_type *type)
{
    struct file *f = emilua_object_check(L, 1, type);
    const char *path = emilua_check_path_cstr(L, 2, "path");
    int flags = check_open_flags(L, 3);
    if (f->fd)
        return emilua_raise_error(L, &emilua_asio_misc_category,
                                  EMILUA_ASIO_MISC_ALREADY_OPEN);
    /* Blocks the thread like the filesystem functions: open(2) of a local
     * file does not wait for the disk the way reads do. */
    int fd = open(path, flags | O_CLOEXEC | O_NOCTTY, 0666);
    if (fd < 0)
        return emilua_raise_errno(L, errno);
    int status = file_adopt(f, fd);
    if (status < 0) {
        close(fd);
        return emilua_raise_errno(L, -status);
    }
    return 0;
}

int file_m_close(lua_State *L, const emilua_udata_type *type)
{
    struct file *f = emilua_object_check(L, 1, type);
    int status = file_drop(f, false);
    if (status < 0 && status != -EBADF)
        return emilua_raise_errno(L, -status);
    return 0;
}

int file_m_cancel(lua_State *L, const emilua_udata_type *type)
{
    file_cancel_all(file_check_open(L, type));
    return 0;
}

static int take_fd(lua_State *L, struct file *f, int argn)
{
    if (f->fd)
        return emilua_raise_error(L, &emilua_asio_misc_category,
                                  EMILUA_ASIO_MISC_ALREADY_OPEN);
    int fd = emilua_take_file_descriptor(L, argn, "fd");
    int status = file_adopt(f, fd);
    if (status < 0) {
        close(fd);
        return emilua_raise_errno(L, -status);
    }
    return 0;
}

int file_m_assign(lua_State *L, const emilua_udata_type *type)
{
    struct file *f = emilua_object_check(L, 1, type);
    emilua_check_file_descriptor(L, 2, "fd");
    return take_fd(L, f, 2);
}

int file_m_release(lua_State *L, const emilua_udata_type *type)
{
    struct file *f = file_check_open(L, type);
    int fd = file_drop(f, true);
    emilua_push_file_descriptor(L, fd);
    return 1;
}

int file_m_resize(lua_State *L, const emilua_udata_type *type)
{
    struct file *f = file_check_open(L, type);
    lua_Integer n = emilua_check_integer(L, 2, "n");
    if (n < 0)
        return emilua_raise_einval_arg(L, 2);
    if (ftruncate(f->fd->fd, (off_t)n) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

int file_m_new(lua_State *L, const emilua_udata_type *type)
{
    bool from_fd = !lua_isnoneornil(L, 1);
    if (from_fd)
        emilua_check_file_descriptor(L, 1, "fd");
    struct file *f = file_new(L, type);
    if (from_fd)
        take_fd(L, f, 1);
    return 1;
}

int file_index(lua_State *L, const emilua_udata_type *type)
{
    struct file *f = emilua_object_check(L, 1, type);
    if (lua_istable(L, lua_upvalueindex(1))) {
        lua_pushvalue(L, 2);
        lua_rawget(L, lua_upvalueindex(1));
        if (!lua_isnil(L, -1))
            return 1;
        lua_pop(L, 1);
    }
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "";
    if (strcmp(key, "is_open") == 0) {
        lua_pushboolean(L, f->fd != NULL);
        return 1;
    }
    if (strcmp(key, "size") == 0) {
        struct stat st;
        if (!f->fd)
            return emilua_raise_errno(L, EBADF);
        if (fstat(f->fd->fd, &st) != 0)
            return emilua_raise_errno(L, errno);
        lua_pushinteger(L, (lua_Integer)st.st_size);
        return 1;
    }
    return luaL_error(L, "%s: no field '%s'", type->name, key);
}
