/* Process start: record inherited low fds, fork the supervisor before
 * anything else exists, ignore SIGPIPE, then run the main VM until its
 * context runs out of work. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/cli.h"
#include "core/core.h"
#include "core/supervisor.h"

/* fds 3..9 a parent handed us, for system.get_lowfd(); taken before the
 * runtime opens anything that could land there. */
static unsigned record_lowfds(void)
{
    unsigned mask = 0;
    for (int fd = 3; fd <= 9; fd++) {
        int flags = fcntl(fd, F_GETFD);
        if (flags >= 0) {
            mask |= 1u << fd;
            fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
        }
    }
    return mask;
}

int main(int argc, char **argv)
{
    emilua_process proc = {0};
    proc.lowfds = record_lowfds();
    /* Now, while the process is smallest: the fork copies the fewest page
     * tables and leaves the fewest pages to copy on write later, and no
     * thread, secret or script exists that the supervisor could inherit. */
    proc.supervisor_fd = supervisor_start(NULL);

    /* A bundle runs its app with every argument the program's: as
     * `emilua APPDIR ARGS...` would, APPDIR being the bundle itself. */
    char **bundle_argv = NULL;
    proc.bundle = bundle_open_self();
    if (proc.bundle) {
        bundle_argv = calloc((size_t)argc + 2, sizeof *bundle_argv);
        if (!bundle_argv)
            return 1;
        bundle_argv[0] = bundle_argv[1] = argv[0];
        memcpy(bundle_argv + 2, argv + 1, (size_t)argc * sizeof *argv);
        proc.entry = BUNDLE_PREFIX;
        proc.argc = argc + 1;
        proc.argv = bundle_argv;
        proc.script_index = 1;
    } else if (argc > 1 && strcmp(argv[1], "bundle") == 0) {
        return bundle_command(argc, argv);
    } else {
        int rc = cli_parse(&proc, argc, argv);
        if (rc >= 0)
            return rc;
    }

    signal(SIGPIPE, SIG_IGN);
    cli_read_environment(&proc);

    emilua_context main_ctx;
    emilua_context *ctx = &main_ctx;
    memset(ctx, 0, sizeof *ctx);
    if (context_init_main(ctx, &proc) != 0) {
        fprintf(stderr, "emilua: cannot create the event loop\n");
        return 1;
    }
    emilua_vm *vm = vm_new(ctx, true);
    if (!vm)
        return 1;
    context_add_vm(ctx, vm);
    const char *context = proc.test_mode ? "test" : "main";
    if (vm_start_entry(vm, proc.entry, context) != 0) {
        proc.exit_code = 1;
        vm_close(vm);
    }
    /* until every VM of every thread has ended */
    context_run_main(ctx);
    for (size_t i = 0; i < proc.n_module_dirs; i++)
        free(proc.module_dirs[i]);
    free(proc.module_dirs);
    if (proc.supervisor_fd >= 0)
        close(proc.supervisor_fd);
    free(bundle_argv);
    if (proc.bundle)
        bundle_close(proc.bundle);
    return proc.exit_code;
}
