/* The file module: file.stream and file.random_access share one record
 * (struct file) and differ only in their method tables. */
#ifndef EMILUA_FILE_MODULE_H
#define EMILUA_FILE_MODULE_H

#include <stdbool.h>
#include <sys/types.h>

#include <emilua/api.h>
#include <emilua/byte_span.h>
#include <emilua/object.h>
#include <emilua/waitq.h>

/* The open fd, shared with the thread pool requests that use it: it is
 * closed when the object let go of it and the last request using it has
 * ended, so a request never meets a recycled fd number. */
struct file_fd {
    int fd;
    unsigned refs;
    bool released;          /* handed out by release(): never closed here */
    bool no_nowait;         /* RWF_NOWAIT is refused: use the pool */
    bool polled;            /* waits for readiness instead of the pool */
    bool classified;        /* polled/no_nowait were decided */
    int nbfd;               /* polled: fd for plain nonblocking calls, or
                               -1: fd with RWF_NOWAIT */
    bool own_nbfd;          /* nbfd is a private description to close */
};

struct file_watch;

struct file {
    emilua_object obj;              /* first member */
    struct file_fd *fd;             /* NULL: closed */
    struct emilua_waitq transfers;  /* reads and writes on the pool */
    struct emilua_waitq locks;      /* lock()/lock_shared() waiting */
    uv_timer_t lock_timer;          /* retries the oldest waiting lock */
    uint64_t lock_delay;            /* ms until the next retry */
    struct file_watch *watch;       /* readiness of a polled fd, or NULL */
};

void file_fd_unref(struct file_fd *h);

/* Pushes a new closed object of type. */
struct file *file_new(lua_State *L, const emilua_udata_type *type);
/* Makes f own fd (f must be closed); 0 or a negative status. */
int file_adopt(struct file *f, int fd);
/* Ends every pending operation with operation_aborted. */
void file_cancel_all(struct file *f);
/* Cancels and lets go of the fd: closes it unless `release`, which hands
 * it to the caller.  Returns the fd (release) or 0 or a negative status. */
int file_drop(struct file *f, bool release);
/* The record of an open object of type at argn 1, or raises EBADF. */
struct file *file_check_open(lua_State *L, const emilua_udata_type *type);

/* Reads and writes: offset -1 is the file position (file.stream). */
int file_transfer(lua_State *L, struct file *f, bool write, int64_t offset,
                  const emilua_byte_span *s);
/* Pollable fds (poll.c). */
/* Decides, after RWF_NOWAIT said EAGAIN or EOPNOTSUPP, whether h waits for
 * readiness (sets h->polled) or goes to the pool. */
void file_fd_classify(struct file_fd *h, ssize_t nowait_result);
/* One nonblocking attempt on a polled fd: a count, -errno, -EAGAIN. */
ssize_t file_try_polled(struct file_fd *h, bool write, int64_t offset,
                        void *buf, size_t len);
/* Watches f's polled fd for one direction (the oldest pending transfer's):
 * 0 or a negative status.  file_watch_stop() stops when none is left. */
int file_watch(struct file *f, bool write);
void file_watch_stop(struct file *f);
/* Readiness: runs the waiting transfers that can run now (transfer.c). */
void file_polled_ready(struct file *f, int status);
/* Closes the watch (the fd goes away). */
void file_unwatch(struct file *f);
void file_watch_closed(emilua_object *o, uv_handle_t *h);

/* flock(2): op is LOCK_EX or LOCK_SH. */
int file_lock(lua_State *L, struct file *f, int op);
int file_try_lock(lua_State *L, struct file *f, int op);
int file_unlock(lua_State *L, struct file *f);
void file_locks_abort(struct file *f);

/* The methods both types share, with self checked against type. */
int file_m_open(lua_State *L, const emilua_udata_type *type);
int file_m_close(lua_State *L, const emilua_udata_type *type);
int file_m_cancel(lua_State *L, const emilua_udata_type *type);
int file_m_assign(lua_State *L, const emilua_udata_type *type);
int file_m_release(lua_State *L, const emilua_udata_type *type);
int file_m_resize(lua_State *L, const emilua_udata_type *type);
int file_m_new(lua_State *L, const emilua_udata_type *type);
int file_index(lua_State *L, const emilua_udata_type *type);

/* Defines NAME_METHOD(lua_State *) for each shared method of a type, so
 * that argument errors name the right type. */
#define FILE_SHARED_METHODS(prefix, type)                                    \
    static int prefix##_open(lua_State *L) { return file_m_open(L, type); }  \
    static int prefix##_close(lua_State *L) { return file_m_close(L, type); }\
    static int prefix##_cancel(lua_State *L)                                 \
    { return file_m_cancel(L, type); }                                       \
    static int prefix##_assign(lua_State *L)                                 \
    { return file_m_assign(L, type); }                                       \
    static int prefix##_release(lua_State *L)                                \
    { return file_m_release(L, type); }                                      \
    static int prefix##_resize(lua_State *L)                                 \
    { return file_m_resize(L, type); }                                       \
    static int prefix##_lock(lua_State *L)                                   \
    { return file_lock(L, file_check_open(L, type), LOCK_EX); }              \
    static int prefix##_lock_shared(lua_State *L)                            \
    { return file_lock(L, file_check_open(L, type), LOCK_SH); }              \
    static int prefix##_try_lock(lua_State *L)                               \
    { return file_try_lock(L, file_check_open(L, type), LOCK_EX); }          \
    static int prefix##_try_lock_shared(lua_State *L)                        \
    { return file_try_lock(L, file_check_open(L, type), LOCK_SH); }          \
    static int prefix##_unlock(lua_State *L)                                 \
    { return file_unlock(L, file_check_open(L, type)); }                     \
    static int prefix##_index(lua_State *L) { return file_index(L, type); }  \
    static int prefix##_new(lua_State *L) { return file_m_new(L, type); }

#define FILE_SHARED_REGS(prefix)                                             \
    {"open", prefix##_open, 0},                                              \
    {"close", prefix##_close, 0},                                            \
    {"cancel", prefix##_cancel, 0},                                          \
    {"assign", prefix##_assign, 0},                                          \
    {"release", prefix##_release, 0},                                        \
    {"resize", prefix##_resize, 0},                                          \
    {"lock", prefix##_lock, EMILUA_SUSPENDS},                                \
    {"lock_shared", prefix##_lock_shared, EMILUA_SUSPENDS},                  \
    {"try_lock", prefix##_try_lock, 0},                                      \
    {"try_lock_shared", prefix##_try_lock_shared, 0},                        \
    {"unlock", prefix##_unlock, 0}

/* Pushes the module tables file.stream and file.random_access. */
void file_push_stream(lua_State *L);
void file_push_random_access(lua_State *L);

#endif
