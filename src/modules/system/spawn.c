/* system.spawn{...}: reads the named parameters into a struct spawn_plan
 * (spawn.h), runs it (spawn_child.c) and returns a subprocess
 * (subprocess.c).  Every string and array the child reads is anchored on
 * the Lua stack until the child has exec'd. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/filter.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <emilua/byte_span.h>
#include <emilua/file_descriptor.h>
#include <emilua/filesystem.h>

#include "spawn.h"
#include "system.h"

#define OPTS 1
#define KEEP 2      /* a table anchoring what the plan points into */

/* Raises the argument error for opts.<field>, whose value is on top. */
static int field_error(lua_State *L, const char *field, const char *expected)
{
    lua_replace(L, OPTS);
    lua_pushfstring(L, "opts.%s", field);
    return emilua_arg_error(L, OPTS, lua_tostring(L, -1), expected);
}

/* Keeps the value on top alive (in KEEP) and leaves it on top. */
static void keep(lua_State *L)
{
    lua_pushvalue(L, -1);
    lua_rawseti(L, KEEP, (int)lua_objlen(L, KEEP) + 1);
}

static void *keep_buffer(lua_State *L, size_t size)
{
    void *p = lua_newuserdata(L, size);
    keep(L);
    lua_pop(L, 1);
    return p;
}

/* The field's value on top; false (with nothing pushed) when nil. */
static bool get_field(lua_State *L, int t, const char *field)
{
    lua_getfield(L, t, field);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return false;
    }
    return true;
}

static bool opt_bool(lua_State *L, const char *field)
{
    if (!get_field(L, OPTS, field))
        return false;
    if (!lua_isboolean(L, -1))
        field_error(L, field, "a boolean");
    bool b = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return b;
}

static bool opt_int(lua_State *L, int t, const char *field, lua_Integer min,
                    lua_Integer max, lua_Integer *out)
{
    if (!get_field(L, t, field))
        return false;
    if (lua_type(L, -1) != LUA_TNUMBER)
        field_error(L, field, "an integer");
    lua_Number n = lua_tonumber(L, -1);
    if (n != (lua_Number)(lua_Integer)n || n < (lua_Number)min ||
        n > (lua_Number)max)
        field_error(L, field, "an integer in range");
    *out = (lua_Integer)n;
    lua_pop(L, 1);
    return true;
}

/* A file_descriptor field: its fd (still owned by it), or -1 when nil. */
static int opt_fd(lua_State *L, const char *field)
{
    if (!get_field(L, OPTS, field))
        return -1;
    int fd = emilua_test_file_descriptor(L, -1);
    if (fd == -EBADF) {
        lua_pop(L, 1);
        emilua_raise_errno(L, EBADF);
    }
    if (fd < 0)
        field_error(L, field, "a file_descriptor");
    lua_pop(L, 1);
    return fd;
}

static void read_program(lua_State *L, struct spawn_plan *p)
{
    if (!get_field(L, OPTS, "program")) {
        lua_pushnil(L);
        field_error(L, "program", "a string, filesystem.path or "
                    "file_descriptor");
    }
    int fd = emilua_test_file_descriptor(L, -1);
    size_t len;
    if (fd >= 0) {
        p->program = PROGRAM_FD;
        p->program_fd = fd;
    } else if (fd == -EBADF) {
        emilua_raise_errno(L, EBADF);
    } else if ((p->path = emilua_test_path(L, -1, &len))) {
        if (strlen(p->path) != len)
            field_error(L, "program", "a path without NUL bytes");
        p->program = PROGRAM_PATH;
    } else if (lua_type(L, -1) == LUA_TSTRING) {
        const char *name = lua_tolstring(L, -1, &len);
        if (len == 0 || strlen(name) != len)
            field_error(L, "program", "a program name");
        if (strchr(name, '/')) {    /* as execvp(3) takes it */
            p->program = PROGRAM_PATH;
            p->path = name;
        } else {
            /* The candidates of execvp(3), from our PATH */
            const char *path = getenv("PATH");
            if (!path)
                path = "/bin:/usr/bin";
            size_t n = 1;
            for (const char *c = path; *c; c++)
                n += *c == ':';
            const char **cands = keep_buffer(L, (n + 1) * sizeof *cands);
            size_t i = 0;
            for (const char *dir = path;; i++) {
                const char *end = strchrnul(dir, ':');
                /* an empty entry is the current directory */
                lua_pushlstring(L, dir, (size_t)(end - dir));
                lua_pushfstring(L, end == dir ? "%s%s" : "%s/%s",
                                lua_tostring(L, -1), name);
                keep(L);
                cands[i] = lua_tostring(L, -1);
                lua_pop(L, 2);
                if (!*end)
                    break;
                dir = end + 1;
            }
            cands[i + 1] = NULL;
            p->program = PROGRAM_SEARCH;
            p->candidates = cands;
        }
    } else {
        field_error(L, "program", "a string, filesystem.path or "
                    "file_descriptor");
    }
    keep(L);
    lua_pop(L, 1);
}

static void read_arguments(lua_State *L, struct spawn_plan *p)
{
    size_t n = 0;
    bool have = get_field(L, OPTS, "arguments");
    if (have) {
        if (!lua_istable(L, -1))
            field_error(L, "arguments", "a table of strings");
        n = lua_objlen(L, -1);
    }
    char **argv = keep_buffer(L, (n + 1) * sizeof *argv);
    for (size_t i = 0; i < n; i++) {
        lua_rawgeti(L, -1, (int)i + 1);
        size_t len;
        if (lua_type(L, -1) != LUA_TSTRING ||
            strlen(argv[i] = (char *)lua_tolstring(L, -1, &len)) != len)
            field_error(L, "arguments", "a table of strings");
        lua_pop(L, 1);  /* the table holds it */
    }
    argv[n] = NULL;
    p->argv = argv;
    if (have)
        lua_pop(L, 1);
}

static void read_environment(lua_State *L, struct spawn_plan *p)
{
    size_t n = 0;
    bool have = get_field(L, OPTS, "environment");
    if (have) {
        if (!lua_istable(L, -1))
            field_error(L, "environment", "a table of strings");
        for (lua_pushnil(L); lua_next(L, -2); lua_pop(L, 1))
            n++;
    }
    char **envp = keep_buffer(L, (n + 1) * sizeof *envp);
    size_t i = 0;
    if (have) {
        for (lua_pushnil(L); lua_next(L, -2); lua_pop(L, 1)) {
            size_t klen, vlen;
            if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING)
                field_error(L, "environment", "a table of strings");
            const char *k = lua_tolstring(L, -2, &klen);
            const char *v = lua_tolstring(L, -1, &vlen);
            if (klen == 0 || strlen(k) != klen || strchr(k, '='))
                field_error(L, "environment", "variable names");
            if (vlen == 4 && memcmp(v, "\0pid", 4) == 0) {
                if (p->pid_var)     /* the page allows a single one */
                    field_error(L, "environment", "one \"\\0pid\" value");
                char *var = keep_buffer(L, klen + 1 + 24);
                memcpy(var, k, klen);
                var[klen] = '=';
                p->pid_var = var + klen + 1;
                envp[i++] = var;
                continue;
            }
            if (strlen(v) != vlen)
                field_error(L, "environment", "values without NUL bytes");
            lua_pushfstring(L, "%s=%s", k, v);
            keep(L);
            envp[i++] = (char *)lua_tostring(L, -1);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    envp[i] = NULL;
    p->envp = envp;
}

/* stdin, stdout, stderr: "share", a file_descriptor or nil. */
static void read_stdio(lua_State *L, struct spawn_plan *p)
{
    static const char *const names[] = {"stdin", "stdout", "stderr"};
    for (int i = 0; i < 3; i++) {
        if (!get_field(L, OPTS, names[i])) {
            p->fds[i] = SPAWN_FD_CLOSED_PIPE;
            continue;
        }
        if (lua_type(L, -1) == LUA_TSTRING &&
            strcmp(lua_tostring(L, -1), "share") == 0) {
            p->fds[i] = SPAWN_FD_SHARE;
            lua_pop(L, 1);
            continue;
        }
        lua_pop(L, 1);
        p->fds[i] = opt_fd(L, names[i]);
    }
}

static void read_extra_fds(lua_State *L, struct spawn_plan *p)
{
    if (!get_field(L, OPTS, "extra_fds"))
        return;
    if (!lua_istable(L, -1))
        field_error(L, "extra_fds", "a table of file_descriptor");
    for (lua_pushnil(L); lua_next(L, -2); lua_pop(L, 1)) {
        lua_Number k = lua_type(L, -2) == LUA_TNUMBER ? lua_tonumber(L, -2) : 0;
        int fd = emilua_test_file_descriptor(L, -1);
        if (k != (int)k || k < 3 || k > SPAWN_MAX_FD || fd < 0) {
            if (fd == -EBADF)
                emilua_raise_errno(L, EBADF);
            lua_pushvalue(L, -3);
            field_error(L, "extra_fds",
                        "file_descriptor values at keys 3 to 9");
        }
        p->fds[(int)k] = fd;
    }
    lua_pop(L, 1);
}

static void read_scheduler(lua_State *L, struct spawn_plan *p)
{
    if (!get_field(L, OPTS, "scheduler"))
        return;
    if (!lua_istable(L, -1))
        field_error(L, "scheduler", "a table");
    int t = lua_gettop(L);
    static const char *const names[] = {
        "other", "batch", "idle", "fifo", "rr", NULL};
    static const int policies[] = {
        SCHED_OTHER, SCHED_BATCH, SCHED_IDLE, SCHED_FIFO, SCHED_RR};
    if (get_field(L, t, "policy")) {
        const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1)
                                                       : "";
        int i = 0;
        while (names[i] && strcmp(names[i], s) != 0)
            i++;
        if (!names[i])
            field_error(L, "scheduler.policy", "a scheduling policy");
        p->sched_policy = policies[i];
        lua_pop(L, 1);
    }
    lua_Integer prio;
    bool has_prio = opt_int(L, t, "priority", INT_MIN, INT_MAX, &prio);
    if (has_prio)
        p->sched_priority = (int)prio;
    bool is_rt = p->sched_policy == SCHED_FIFO || p->sched_policy == SCHED_RR;
    if (is_rt && !has_prio) {
        lua_pushvalue(L, t);
        field_error(L, "scheduler", "a priority with fifo and rr");
    }
    if (get_field(L, t, "reset_on_fork")) {
        if (!lua_isboolean(L, -1))
            field_error(L, "scheduler.reset_on_fork", "a boolean");
        p->sched_reset_on_fork = lua_toboolean(L, -1);
        lua_pop(L, 1);
        if (p->sched_reset_on_fork && p->sched_policy < 0) {
            lua_pushvalue(L, t);
            field_error(L, "scheduler", "a policy with reset_on_fork");
        }
    }
    lua_pop(L, 1);
}

static void read_session(lua_State *L, struct spawn_plan *p)
{
    p->start_new_session = opt_bool(L, "start_new_session");
    p->set_ctty = opt_fd(L, "set_ctty");
    lua_Integer pg;
    if (opt_int(L, OPTS, "process_group", 0, INT_MAX, &pg)) {
        p->has_process_group = true;
        p->process_group = (pid_t)pg;
    }
    if (get_field(L, OPTS, "foreground")) {
        const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1)
                                                       : NULL;
        int std = !s ? -1 : strcmp(s, "stdin") == 0 ? 0
                : strcmp(s, "stdout") == 0 ? 1 : strcmp(s, "stderr") == 0 ? 2
                : -1;
        if (s && (std < 0 || p->fds[std] != SPAWN_FD_SHARE))
            field_error(L, "foreground", "\"stdin\", \"stdout\" or "
                        "\"stderr\" when shared, or a file_descriptor");
        lua_pop(L, 1);
        p->foreground = s ? std : opt_fd(L, "foreground");
    }
    if (p->set_ctty >= 0 && !p->start_new_session) {
        get_field(L, OPTS, "set_ctty");
        field_error(L, "set_ctty", "start_new_session with set_ctty");
    }
    if (p->foreground >= 0 && (!p->has_process_group || p->set_ctty >= 0)) {
        get_field(L, OPTS, "foreground");
        field_error(L, "foreground",
                    "process_group and no set_ctty with foreground");
    }
}

static void read_credentials(lua_State *L, struct spawn_plan *p)
{
    lua_Integer v;
    static const char *const names[] = {"ruid", "euid", "rgid", "egid"};
    long *out[] = {&p->ruid, &p->euid, &p->rgid, &p->egid};
    for (int i = 0; i < 4; i++)
        *out[i] = opt_int(L, OPTS, names[i], 0, UINT32_MAX - 1, &v) ? (long)v
                                                                     : -1;
    if (!get_field(L, OPTS, "extra_groups"))
        return;
    if (!lua_istable(L, -1))
        field_error(L, "extra_groups", "a table of integers");
    size_t n = lua_objlen(L, -1);
    gid_t *groups = keep_buffer(L, (n ? n : 1) * sizeof *groups);
    for (size_t i = 0; i < n; i++) {
        lua_rawgeti(L, -1, (int)i + 1);
        lua_Number g = lua_tonumber(L, -1);
        if (lua_type(L, -1) != LUA_TNUMBER || g != (gid_t)g)
            field_error(L, "extra_groups", "a table of integers");
        groups[i] = (gid_t)g;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    p->has_groups = true;
    p->ngroups = n;
    p->groups = groups;
}

static void read_security(lua_State *L, struct spawn_plan *p)
{
    p->no_new_privs = opt_bool(L, "set_no_new_privs");
    p->landlock_fd = opt_fd(L, "landlock_restrict_self");
    if (get_field(L, OPTS, "seccomp_set_mode_filter")) {
        emilua_byte_span *bs = emilua_test_byte_span(L, -1);
        if (!bs || bs->size == 0 || bs->size % sizeof(struct sock_filter) ||
            bs->size / sizeof(struct sock_filter) > BPF_MAXINSNS)
            field_error(L, "seccomp_set_mode_filter",
                        "a byte_span of BPF instructions");
        p->seccomp_filter = emilua_byte_span_data(bs);
        p->seccomp_len = (unsigned short)(bs->size / sizeof(struct sock_filter));
        keep(L);
        lua_pop(L, 1);
    }
}

static void read_environment_of_process(lua_State *L, struct spawn_plan *p)
{
    lua_Integer v;
    p->umask = opt_int(L, OPTS, "umask", 0, 0777, &v) ? (int)v : -1;
    p->pdeathsig = opt_int(L, OPTS, "pdeathsig", 0, _NSIG - 1, &v) ? (int)v
                                                                    : 0;
    if (get_field(L, OPTS, "working_directory")) {
        size_t len;
        const char *dir = emilua_test_path(L, -1, &len);
        if (dir && strlen(dir) != len)
            field_error(L, "working_directory", "a path without NUL bytes");
        if (!dir && emilua_test_file_descriptor(L, -1) == -EINVAL)
            field_error(L, "working_directory",
                        "a filesystem.path or file_descriptor");
        lua_pop(L, 1);
        if (dir)
            p->working_directory = dir;     /* anchored by opts */
        else
            p->working_directory_fd = opt_fd(L, "working_directory");
    }
    static const struct { const char *field; unsigned long flag; } newns[] = {
        {"newns_user", CLONE_NEWUSER}, {"newns_mount", CLONE_NEWNS},
        {"newns_uts", CLONE_NEWUTS}, {"newns_ipc", CLONE_NEWIPC},
        {"newns_net", CLONE_NEWNET},
    };
    for (size_t i = 0; i < sizeof newns / sizeof newns[0]; i++)
        if (opt_bool(L, newns[i].field))
            p->newns_flags |= newns[i].flag;
    static const char *const maps[] = {"uid_map", "gid_map"};
    const char **out[] = {&p->uid_map, &p->gid_map};
    for (int i = 0; i < 2; i++) {
        if (!get_field(L, OPTS, maps[i]))
            continue;
        size_t len;
        if (lua_type(L, -1) != LUA_TSTRING ||
            strlen(*out[i] = lua_tolstring(L, -1, &len)) != len ||
            !(p->newns_flags & CLONE_NEWUSER))
            field_error(L, maps[i], "a map text, with newns_user");
        lua_pop(L, 1);  /* opts holds it */
    }
    p->setns_user = opt_fd(L, "setns_user");
    p->setns_mount = opt_fd(L, "setns_mount");
    p->setns_uts = opt_fd(L, "setns_uts");
    p->setns_ipc = opt_fd(L, "setns_ipc");
    p->setns_net = opt_fd(L, "setns_net");
}

/* One end (0: read, 1: write) of a new pipe whose other end is closed. */
static bool closed_pipe_end(int *fd, int end)
{
    int ends[2];
    if (pipe2(ends, O_CLOEXEC) != 0)
        return false;
    close(ends[1 - end]);
    *fd = ends[end];
    return true;
}

static int system_spawn(lua_State *L)
{
    emilua_check_type(L, OPTS, LUA_TTABLE, "opts");
    lua_settop(L, OPTS);
    lua_newtable(L);    /* KEEP */

    struct spawn_plan p;
    memset(&p, 0, sizeof p);
    for (int i = 0; i <= SPAWN_MAX_FD; i++)
        p.fds[i] = -1;
    p.pipe_rd = p.pipe_wr = -1;
    p.set_ctty = p.foreground = p.sched_policy = -1;
    p.working_directory_fd = -1;
    p.sync_fd = -1;

    read_program(L, &p);
    read_arguments(L, &p);
    read_environment(L, &p);
    read_stdio(L, &p);
    read_extra_fds(L, &p);
    lua_Integer gc_signal = SIGTERM;
    opt_int(L, OPTS, "signal_on_gcreaper", 0, _NSIG - 1, &gc_signal);
    read_scheduler(L, &p);
    read_session(L, &p);
    read_credentials(L, &p);
    read_security(L, &p);
    read_environment_of_process(L, &p);

    /* nil stdio: pipe ends whose peers are closed before the child
     * exists, so it reads EOF or gets EPIPE from its first call. */
    if (p.fds[0] == SPAWN_FD_CLOSED_PIPE && !closed_pipe_end(&p.pipe_rd, 0))
        return emilua_raise_errno(L, errno);
    if ((p.fds[1] == SPAWN_FD_CLOSED_PIPE ||
         p.fds[2] == SPAWN_FD_CLOSED_PIPE) &&
        !closed_pipe_end(&p.pipe_wr, 1)) {
        int err = errno;
        if (p.pipe_rd >= 0)
            close(p.pipe_rd);
        return emilua_raise_errno(L, err);
    }
    pid_t pid;
    int step;
    int pidfd = spawn_run(&p, &pid, &step);
    if (p.pipe_rd >= 0)
        close(p.pipe_rd);
    if (p.pipe_wr >= 0)
        close(p.pipe_wr);
    if (pidfd < 0) {
        emilua_push_errno(L, -pidfd);
        if (step) {
            lua_pushstring(L, spawn_step_name(step));
            lua_setfield(L, -2, "step");
        }
        return lua_error(L);
    }
    subprocess_push(L, pidfd, pid, (int)gc_signal);
    return 1;
}

static const emilua_reg spawn_funcs[] = {
    {"spawn", system_spawn, 0},
    {NULL, NULL, 0},
};

void system_open_spawn(lua_State *L)
{
    emilua_set_funcs(L, "system", spawn_funcs);
}
