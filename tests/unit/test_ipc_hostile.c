/* A hostile peer on the sockets a mailbox receives from: malformed bytes,
 * fds that do not match, a socket where an address should be, too many
 * fds, oversized and empty messages.  Each such socket is closed with every
 * fd it sent, nothing reaches Lua from it, the good messages of the other
 * sockets still arrive, and no fd is left behind. */
#include <dirent.h>
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "check.h"
#include "core/channel.h"
#include "core/ipc.h"
#include "core/ipc_codec.h"
#include "vm_fixture.h"

static int count_fds(void)
{
    int n = 0;
    DIR *d = opendir("/proc/self/fd");
    while (readdir(d))
        n++;
    closedir(d);
    return n;
}

static struct ipc_wire w;

static void leaf_string(const char *s)
{
    memset(&w, 0, sizeof w);
    w.kind = IPC_LEAF;
    w.count = 1;
    w.m[0].tag = IPC_STRING;
    w.m[0].str_len = (uint8_t)strlen(s);
    memcpy(w.m[0].str, s, strlen(s));
}

static void leaf_tag(int tag)
{
    memset(&w, 0, sizeof w);
    w.kind = IPC_LEAF;
    w.count = 1;
    w.m[0].tag = (uint8_t)tag;
}

/* A socket pair whose first end the mailbox reads; returns the other. */
static int new_source(struct vm_fixture *fx)
{
    int sv[2];
    CHECK(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) == 0);
    CHECK(ipc_add_source(fx->vm->inbox, &fx->ctx, sv[0]) == 0);
    return sv[1];
}

static void send_raw(int sock, const void *buf, size_t len, const int *fds,
                     size_t nfds)
{
    char ctl[CMSG_SPACE(sizeof(int) * 32)];
    memset(ctl, 0, sizeof ctl);
    struct iovec iov = {(void *)buf, len};
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    if (nfds) {
        msg.msg_control = ctl;
        msg.msg_controllen = CMSG_SPACE(sizeof(int) * nfds);
        struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int) * nfds);
        memcpy(CMSG_DATA(c), fds, sizeof(int) * nfds);
    }
    CHECK(sendmsg(sock, &msg, 0) == (ssize_t)len);
}

static const char receiver[] =
    "RESULTS = {}\n"
    "spawn(function()\n"
    "  while true do\n"
    "    local ok, v = pcall(INBOX.receive, INBOX)\n"
    "    if not ok then RESULTS.error = tostring(v) break end\n"
    "    if type(v) == 'string' then RESULTS[#RESULTS + 1] = v\n"
    "    else RESULTS[#RESULTS + 1] = 'fd'; v:close() end\n"
    "  end\n"
    "end)\n";

int main(void)
{
    struct vm_fixture fx;
    vm_fixture_open(&fx);
    int baseline = count_fds();
    lua_State *L = fx.vm->L;
    lua_pushcfunction(L, emilua_open_inbox);
    lua_call(L, 0, 1);
    lua_setglobal(L, "INBOX");

    int p[2];
    CHECK(pipe2(p, O_CLOEXEC) == 0);
    int many[EMILUA_IPC_MAX_MEMBERS + 3];
    for (size_t i = 0; i < sizeof many / sizeof *many; i++)
        many[i] = p[0];
    static char big[sizeof w + 100];
    int s[12];
    for (int i = 0; i < 12; i++)
        s[i] = new_source(&fx);

    send_raw(s[0], "short", 5, NULL, 0);
    leaf_string("x");
    w.kind = 9;
    send_raw(s[1], &w, sizeof w, NULL, 0);
    leaf_tag(IPC_FD);                      /* an fd announced, none sent */
    send_raw(s[2], &w, sizeof w, NULL, 0);
    leaf_string("extra fd");               /* an fd sent, none announced */
    send_raw(s[3], &w, sizeof w, p, 1);
    leaf_tag(IPC_ADDRESS);                 /* a pipe is no address */
    send_raw(s[4], &w, sizeof w, p, 1);
    leaf_tag(IPC_FD);
    send_raw(s[5], &w, sizeof w, many, sizeof many / sizeof *many);
    send_raw(s[6], "", 0, NULL, 0);        /* closes this capability */
    memcpy(big, &w, sizeof w);
    send_raw(s[7], big, sizeof big, p, 1);
    memset(&w, 0, sizeof w);               /* the same key twice */
    w.kind = IPC_DICT;
    w.count = 2;
    for (int i = 0; i < 2; i++) {
        w.m[i].tag = IPC_BOOLEAN;
        w.m[i].key_len = 1;
        w.m[i].key[0] = 'k';
    }
    send_raw(s[8], &w, sizeof w, NULL, 0);
    leaf_string("good1");
    send_raw(s[9], &w, sizeof w, NULL, 0);
    leaf_tag(IPC_FD);
    send_raw(s[10], &w, sizeof w, p + 1, 1);
    leaf_string("good2");                  /* then garbage on the same one */
    send_raw(s[11], &w, sizeof w, NULL, 0);
    send_raw(s[11], "bad", 3, NULL, 0);
    close(p[0]);
    close(p[1]);
    /* the peers stay open: only what they sent may close their sockets */

    CHECK(luaL_dostring(L, receiver) == 0);
    /* until the receiver waits on the good peers' sockets alone */
    for (int i = 0; i < 200; i++)
        uv_run(&fx.ctx.loop, UV_RUN_NOWAIT);
    CHECK(luaL_dostring(L, "table.sort(RESULTS) "
                           "return table.concat(RESULTS, ',')") == 0);
    const char *got = lua_tostring(L, -1);
    CHECK(got && strcmp(got, "fd,good1,good2") == 0);
    if (got && strcmp(got, "fd,good1,good2") != 0)
        fprintf(stderr, "received: %s\n", got);
    lua_pop(L, 1);
    for (int i = 0; i < 12; i++)
        close(s[i]);
    /* the receiver sees every peer gone and ends */
    for (int i = 0; i < 200; i++)
        uv_run(&fx.ctx.loop, UV_RUN_NOWAIT);
    CHECK(luaL_dostring(L, "return RESULTS.error") == 0);
    CHECK(lua_isstring(L, -1));
    lua_pop(L, 1);
    CHECK(count_fds() == baseline);
    vm_fixture_close(&fx);
    return check_failures != 0;
}
