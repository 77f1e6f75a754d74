/* The command line and the environment variables the runtime reads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#ifndef EMILUA_VERSION
#define EMILUA_VERSION "0.11.0"
#endif
#ifndef EMILUA_MODULE_DIR
#define EMILUA_MODULE_DIR "/usr/local/lib/emilua"
#endif

static const char usage[] =
    "usage: emilua [OPTIONS] [SCRIPT|APPDIR|- [ARGS...]]\n";

static const char help[] =
    "Runs SCRIPT (or APPDIR/init.lua) as the main module of a Lua VM.\n"
    "'-', or no script when stdin is not a terminal, runs the program read\n"
    "from stdin; no script on a terminal opens an interactive prompt.\n"
    "\n"
    "Options:\n"
    "  -h, --help               show this help and exit\n"
    "      --version            show the version and exit\n"
    "      --test               run the entry with _CONTEXT set to \"test\"\n"
    "      --main-context-concurrency-hint N|safe\n"
    "                           hint for the main execution context: 1 when\n"
    "                           only one thread will run it, 'safe' (the\n"
    "                           default) otherwise\n"
    "  --                       end of options\n"
    "\n"
    "Environment:\n"
    "  EMILUA_PATH    colon-separated directories searched for packages\n"
    "  EMILUA_COLORS  1 to colour runtime messages, 0 not to (default: when\n"
    "                 stderr is a terminal)\n";

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "emilua: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%sTry 'emilua --help' for more information.\n", usage);
    return 2;
}

static bool valid_hint(const char *s)
{
    if (strcmp(s, "safe") == 0)
        return true;
    char *end;
    long n = strtol(s, &end, 10);
    return *s && *end == '\0' && n >= 1;
}

int cli_parse(emilua_process *p, int argc, char **argv)
{
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (a[0] != '-' || a[1] == '\0')
            break;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            printf("%s\n%s", usage, help);
            return 0;
        }
        if (strcmp(a, "--version") == 0) {
            printf("emilua %s\n", EMILUA_VERSION);
            return 0;
        }
        if (strcmp(a, "--test") == 0) {
            p->test_mode = true;
            continue;
        }
        const char *hint = "--main-context-concurrency-hint";
        size_t hint_len = strlen(hint);
        if (strncmp(a, hint, hint_len) == 0 &&
            (a[hint_len] == '\0' || a[hint_len] == '=')) {
            const char *v = a[hint_len] == '=' ? a + hint_len + 1 : argv[++i];
            if (!v)
                return usage_error("option '%s' needs a value", hint);
            if (!valid_hint(v))
                return usage_error("bad concurrency hint '%s' (expected a "
                                   "positive integer or 'safe')", v);
            continue;
        }
        return usage_error("unknown option '%s'", a);
    }
    if (i >= argc) {
        /* a program on stdin, or the prompt when a person is there */
        p->entry = isatty(STDIN_FILENO) ? NULL : "-";
        p->script_index = argc;
        p->argc = argc;
        p->argv = argv;
        return -1;
    }
    p->entry = argv[i];
    p->script_index = i;
    p->argc = argc;
    p->argv = argv;
    return -1;
}

void cli_read_environment(emilua_process *p)
{
    const char *colors = getenv("EMILUA_COLORS");
    if (colors && strcmp(colors, "1") == 0)
        p->colors = true;
    else if (colors && strcmp(colors, "0") == 0)
        p->colors = false;
    else
        p->colors = isatty(STDERR_FILENO);

    const char *path = getenv("EMILUA_PATH");
    size_t n = 1;
    for (const char *c = path; c && *c; c++)
        n += *c == ':';
    p->module_dirs = calloc(n + 2, sizeof *p->module_dirs);
    p->n_module_dirs = 0;
    if (!p->module_dirs)
        return;
    if (p->bundle)   /* a bundle's own packages come first */
        p->module_dirs[p->n_module_dirs++] = strdup(BUNDLE_PREFIX);
    if (path) {
        char *copy = strdup(path);
        char *save = NULL;
        for (char *d = copy ? strtok_r(copy, ":", &save) : NULL; d;
             d = strtok_r(NULL, ":", &save))
            p->module_dirs[p->n_module_dirs++] = strdup(d);
        free(copy);
    }
    p->module_dirs[p->n_module_dirs++] = strdup(EMILUA_MODULE_DIR);
}
