/* system.spawn: what the Lua side (spawn.c) prepares and the clone side
 * (spawn_child.c) carries out.  Everything the child needs is laid out
 * here before the clone, so that between clone and exec the child only
 * makes async-signal-safe calls on memory it already has. */
#ifndef EMILUA_SYSTEM_SPAWN_H
#define EMILUA_SYSTEM_SPAWN_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define SPAWN_MAX_FD 9          /* stdio plus extra_fds 3..9 */
#define SPAWN_FD_SHARE (-2)     /* "share": the child keeps ours */
#define SPAWN_FD_CLOSED_PIPE (-3) /* nil: a pipe end whose peer is closed */

enum spawn_program { PROGRAM_PATH, PROGRAM_FD, PROGRAM_SEARCH };

/* The step of the child that failed, as the error's `step` field. */
enum spawn_step {
    STEP_SIGNALS = 1, STEP_PDEATHSIG, STEP_SETNS_USER, STEP_SETNS_MOUNT,
    STEP_SETNS_UTS, STEP_SETNS_IPC, STEP_SETNS_NET, STEP_SETSID,
    STEP_SET_CTTY, STEP_SETPGID, STEP_FOREGROUND, STEP_SCHEDULER,
    STEP_SETGROUPS, STEP_SETRESGID, STEP_SETRESUID, STEP_UMASK,
    STEP_WORKING_DIRECTORY, STEP_FDS, STEP_NO_NEW_PRIVS, STEP_LANDLOCK,
    STEP_SECCOMP, STEP_EXEC, STEP_UID_MAP, STEP_GID_MAP,
};

struct spawn_plan {
    enum spawn_program program;
    const char *path;           /* PROGRAM_PATH */
    int program_fd;             /* PROGRAM_FD */
    const char *const *candidates; /* PROGRAM_SEARCH: "dir/name", NULL-ended */
    char *const *argv;
    char *const *envp;
    char *pid_var;              /* the "\0pid" variable's value, or NULL */

    /* fds[i] is what the child sees as fd i: one of ours, SPAWN_FD_SHARE
     * or SPAWN_FD_CLOSED_PIPE; -1 leaves fd i alone (3..9 not asked). */
    int fds[SPAWN_MAX_FD + 1];
    int pipe_rd, pipe_wr;       /* the closed-pipe ends, -1 if unneeded */

    /* newns_*: CLONE_NEW* flags of namespaces made for the child; the
     * maps of a new user namespace are written by the parent (it may map
     * more than one id) while the child waits on sync_fd. */
    unsigned long newns_flags;
    const char *uid_map, *gid_map; /* /proc/PID/uid_map text, or NULL */
    int sync_fd;                /* the child's end, -1: no wait */

    int pdeathsig;              /* 0: none */
    int setns_user, setns_mount, setns_uts, setns_ipc, setns_net; /* -1 */
    bool start_new_session;
    int set_ctty;               /* -1: none */
    bool has_process_group;
    pid_t process_group;
    int foreground;             /* tty fd, -1: none */
    int sched_policy;           /* -1: leave */
    int sched_priority;
    bool sched_reset_on_fork;
    long ruid, euid, rgid, egid; /* -1: leave */
    bool has_groups;
    size_t ngroups;
    const gid_t *groups;
    int umask;                  /* -1: leave */
    const char *working_directory; /* or NULL */
    int working_directory_fd;   /* -1: none */
    bool no_new_privs;
    int landlock_fd;            /* -1: none */
    const void *seccomp_filter; /* struct sock_filter[], or NULL */
    unsigned short seccomp_len; /* in instructions */
};

/* Starts the child.  Returns its pidfd and sets *pid; on failure returns
 * a negative errno value and sets *step (0 when the parent's own
 * preparation failed, before any child existed). */
int spawn_run(const struct spawn_plan *plan, pid_t *pid, int *step);

/* The name of a step for error reports. */
const char *spawn_step_name(int step);

/* Pushes a new subprocess object for a running child (subprocess.c);
 * it owns pidfd. */
struct lua_State;
void subprocess_push(struct lua_State *L, int pidfd, pid_t pid,
                     int gc_signal);

#endif
