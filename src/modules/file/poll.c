/* Files that can make a reader or writer wait for another process (FIFOs,
 * sockets, terminals, character devices): they wait for readiness on the
 * event loop instead of holding a pool thread, which could wait forever
 * and would then hold the process at exit.
 *
 * The fd's open file description may be shared with other processes (a
 * FIFO opened without O_NONBLOCK, a terminal), so its O_NONBLOCK flag is
 * never changed; a nonblocking attempt is, in order of preference:
 *   - preadv2/pwritev2 with RWF_NOWAIT (pipes, sockets, most character
 *     devices; not named FIFOs nor terminals on Linux 6.x);
 *   - a plain call, when the description is nonblocking already;
 *   - a plain call on a private nonblocking description of the same FIFO
 *     or terminal, opened through /proc/self/fd.
 * A character device that allows none of them stays on the pool.
 *
 * Readiness comes from a private epoll fd holding the file's fd, which
 * libuv polls: uv_poll_init() would set O_NONBLOCK on the fd it gets. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "file_module.h"

struct file_watch {
    uv_poll_t poll;
    int epfd;
    uint32_t events;        /* what epfd watches the fd for */
};

static int reopen_nonblocking(int fd, const struct stat *st)
{
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0)
        return -1;
    char path[32];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    int nfd = open(path, (fl & O_ACCMODE) | O_NONBLOCK | O_NOCTTY |
                   O_CLOEXEC);
    if (nfd < 0)
        return -1;
    struct stat nst;
    if (fstat(nfd, &nst) != 0 || nst.st_dev != st->st_dev ||
        nst.st_ino != st->st_ino || nst.st_rdev != st->st_rdev) {
        close(nfd);
        return -1;
    }
    return nfd;
}

void file_fd_classify(struct file_fd *h, ssize_t nowait_result)
{
    h->classified = true;
    /* Regular files and block devices: the pool, and RWF_NOWAIT again
     * next time unless it was refused. */
    h->no_nowait = nowait_result == -EOPNOTSUPP;
    struct stat st;
    if (fstat(h->fd, &st) != 0 ||
        !(S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) ||
          S_ISCHR(st.st_mode)))
        return;
    int fl = fcntl(h->fd, F_GETFL);
    h->nbfd = -1;
    if (nowait_result == -EAGAIN) {
        /* RWF_NOWAIT works: the fd itself, as it is */
    } else if (fl >= 0 && (fl & O_NONBLOCK)) {
        h->nbfd = h->fd;
    } else if (S_ISFIFO(st.st_mode) || isatty(h->fd)) {
        /* Reopening another kind of device could have side effects. */
        h->nbfd = reopen_nonblocking(h->fd, &st);
        h->own_nbfd = h->nbfd >= 0;
        if (h->nbfd < 0)
            return;
    } else {
        return;
    }
    h->polled = true;
}

ssize_t file_try_polled(struct file_fd *h, bool write, int64_t offset,
                        void *buf, size_t len)
{
    struct iovec iov = {buf, len};
    int fd = h->nbfd >= 0 ? h->nbfd : h->fd;
    int flags = h->nbfd >= 0 ? 0 : RWF_NOWAIT;
    ssize_t n;
    do
        n = write ? pwritev2(fd, &iov, 1, offset, flags)
                  : preadv2(fd, &iov, 1, offset, flags);
    while (n < 0 && errno == EINTR);
    return n < 0 ? -errno : n;
}

static void on_ready(uv_poll_t *p, int status, int events)
{
    (void)events;
    struct file *f = p->data;
    file_polled_ready(f, status);
}

void file_watch_closed(emilua_object *o, uv_handle_t *h)
{
    struct file *f = (struct file *)o;
    if (h == (uv_handle_t *)&f->lock_timer)
        return;
    struct file_watch *w = EMILUA_CONTAINER_OF(h, struct file_watch, poll);
    close(w->epfd);
    free(w);
}

void file_unwatch(struct file *f)
{
    if (!f->watch)
        return;
    uv_poll_stop(&f->watch->poll);
    emilua_object_close_handle((uv_handle_t *)&f->watch->poll);
    f->watch = NULL;
}

static int watch_new(struct file *f)
{
    struct file_watch *w = malloc(sizeof *w);
    if (!w)
        return -ENOMEM;
    w->epfd = epoll_create1(EPOLL_CLOEXEC);
    if (w->epfd < 0) {
        int err = -errno;
        free(w);
        return err;
    }
    int fd = f->fd->nbfd >= 0 ? f->fd->nbfd : f->fd->fd;
    struct epoll_event ev = {.events = 0};
    int rc = 0;
    if (epoll_ctl(w->epfd, EPOLL_CTL_ADD, fd, &ev) != 0)
        rc = -errno;
    else if ((rc = uv_poll_init(emilua_vm_loop(f->obj.vm), &w->poll,
                                w->epfd)) == 0)
        emilua_object_add_handle(&f->obj, (uv_handle_t *)&w->poll);
    if (rc != 0) {
        close(w->epfd);
        free(w);
        return rc;
    }
    w->events = 0;
    f->watch = w;
    return 0;
}

int file_watch(struct file *f, bool write)
{
    if (!f->watch) {
        int rc = watch_new(f);
        if (rc != 0)
            return rc;
    }
    struct file_watch *w = f->watch;
    uint32_t events = write ? EPOLLOUT : EPOLLIN;
    if (w->events != events) {
        int fd = f->fd->nbfd >= 0 ? f->fd->nbfd : f->fd->fd;
        struct epoll_event ev = {.events = events};
        if (epoll_ctl(w->epfd, EPOLL_CTL_MOD, fd, &ev) != 0)
            return -errno;
        w->events = events;
    }
    return uv_poll_start(&w->poll, UV_READABLE, on_ready);
}

void file_watch_stop(struct file *f)
{
    if (f->watch)
        uv_poll_stop(&f->watch->poll);
}
