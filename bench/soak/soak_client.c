/* soak_client: the load generator of the soak run (bench/soak/run.sh).
 *
 *   soak_client -p PORT [-P SERVER_PID] [-c CONNS] [-d SECONDS] [-w WARMUP]
 *               [-r RECONNECT_PERCENT] [-e RECONNECT_EVERY] [-x RESETS]
 *               [-m MAX_LEN] [-i MAX_IDLE_MS] [-s SEED]
 *
 * Defaults: 10000 connections, 60 s, warm-up 40 s, 10 % reconnecting every
 * 10 s, 200 resets, messages of 1..8192 bytes, 0..4000 ms idle between round
 * trips.  Every connection goes to an echo server on 127.0.0.1:PORT and does
 * round trips: it sends a message of random length and reads it back, every
 * byte checked (the first message of a connection has the maximum length).  The messages are random slices of one random table, so
 * sending copies nothing and checking is a memcmp.
 *
 * Planned events: every RECONNECT_EVERY seconds RECONNECT_PERCENT of the
 * connections close gracefully at the end of their round trip and connect
 * again; RESETS times during the run a connection sends half a message,
 * waits for the first echoed bytes and closes with SO_LINGER 0 (an RST, the
 * server mid-message), then connects again.  Anything else that ends a
 * connection (EOF, reset, error, a failed connect) is an unexpected
 * disconnect.
 *
 * The warm-up is long because a garbage-collected server only reaches its
 * steady size once its collector has freed the memory of some reconnect
 * waves for the next ones to reuse: the emilua echo server's Lua heap runs
 * a cycle about every 20 s at this load, and its RSS climbs steeply until
 * about 55 s, then by a few percent at most (bench/README.md, "Soak run").
 * The last 20 s still hold two reconnect waves and a whole cycle.
 *
 * With -P it samples the server's /proc/PID/status (VmRSS) and /proc/PID/fd:
 * the fd count before the first connection (idle), the RSS at the end of the
 * warm-up and its maximum afterwards, and, once every client connection is
 * closed, waits up to 10 s for the fd count to come back to the idle value.
 *
 * It prints a report and exits 0 only when there was no wrong byte, no
 * unexpected disconnect, RSS growth after warm-up under 10 % and the fd count
 * back to idle.  The whole run is bounded: ramp-up 30 s at most, drain 10 s,
 * fd wait 10 s. */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <uv.h>

#define TABLE_SIZE (1u << 20)
#define MAX_CONNECTING 256
#define RAMP_LIMIT_MS 30000
#define DRAIN_LIMIT_MS 10000
#define FD_WAIT_MS 10000

/* ---- options and global state ---------------------------------------- */

static int opt_port, opt_pid, opt_conns = 10000, opt_secs = 60, opt_warm = 40;
static int opt_reconnect_pct = 10, opt_reconnect_every = 10, opt_resets = 200;
static int opt_max_len = 8192, opt_max_idle = 4000;
static uint64_t opt_seed;

static uv_loop_t *loop;
static struct sockaddr_in server_addr;
static unsigned char *table;
static uint64_t rng_state;

enum phase { RAMP, RUN, DRAIN, FDWAIT, DONE };
static enum phase phase = RAMP;
static uint64_t t0, run_start, drain_start, fdwait_start;

static struct {
    uint64_t rounds, bytes, wrong_bytes, unexpected, connect_failures;
    uint64_t reconnects, resets, stuck;
    uint64_t max_rt_ns, slow_rounds;  /* slow: over 1 s */
    int first_errors;
} st;

static long fd_idle = -1, fd_loaded = -1, fd_end = -1;
static long rss_idle = -1, rss_warm = -1, rss_max = -1;
static long rss_every5[64];  /* RSS at 5 s, 10 s, ... of the run, for the report */
static int n_rss_every5;
static double fd_back_after = -1;

static uint64_t rnd(void)
{
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}

static double elapsed(uint64_t since) { return (double)(uv_now(loop) - since) / 1e3; }

static void note(const char *fmt, const char *what, int slot, int err)
{
    if (st.first_errors++ < 10) {
        fprintf(stderr, "soak_client: ");
        fprintf(stderr, fmt, what, slot, err ? uv_strerror(err) : "");
        fputc('\n', stderr);
    }
}

/* ---- the server's /proc figures -------------------------------------- */

static long server_fds(void)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/fd", opt_pid);
    DIR *d = opendir(path);
    if (!d)
        return -1;
    long n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.')
            n++;
    closedir(d);
    return n;
}

static long server_rss_kb(void)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", opt_pid);
    FILE *f = fopen(path, "re");
    if (!f)
        return -1;
    long kb = -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "VmRSS: %ld", &kb) == 1)
            break;
    fclose(f);
    return kb;
}

/* ---- connections ------------------------------------------------------ */

enum cstate { C_OFF, C_QUEUED, C_CONNECTING, C_IDLE, C_ROUND, C_CLOSING };

struct conn {
    uv_tcp_t tcp;
    uv_connect_t creq;
    uv_write_t wreq;
    uv_timer_t idle;
    enum cstate state;
    int slot;
    int want_reconnect, want_reset, resetting, connected_once;
    int fresh;  /* no round trip yet on this connection */
    size_t off, len, sent, got;
    uint64_t round_start;  /* uv_hrtime() */
};

static struct conn *conns;
static int *queue;            /* slots waiting to connect (ring) */
static int q_head, q_len, connecting, open_conns, ever_connected;

static void conn_start_round(struct conn *c);
static void pump_connects(void);
static void begin_drain(void);

static void enqueue_connect(struct conn *c)
{
    c->state = C_QUEUED;
    queue[(q_head + q_len++) % opt_conns] = c->slot;
    pump_connects();
}

static void conn_closed(uv_handle_t *h)
{
    struct conn *c = h->data;
    open_conns--;
    c->state = C_OFF;
    if (phase <= RUN)
        enqueue_connect(c);
}

/* Ends the connection: gracefully (FIN) or with an RST. */
static void conn_close(struct conn *c, int reset)
{
    if (c->state == C_CLOSING)
        return;
    c->state = C_CLOSING;
    uv_timer_stop(&c->idle);
    if (!reset || uv_tcp_close_reset(&c->tcp, conn_closed) != 0)
        uv_close((uv_handle_t *)&c->tcp, conn_closed);
}

static void conn_unexpected(struct conn *c, const char *what, int err)
{
    st.unexpected++;
    note("%s on connection %d: %s", what, c->slot, err);
    conn_close(c, 0);
}

static void on_idle_done(uv_timer_t *t) { conn_start_round(t->data); }

static void conn_round_done(struct conn *c)
{
    uint64_t rt = uv_hrtime() - c->round_start;
    if (rt > st.max_rt_ns)
        st.max_rt_ns = rt;
    st.slow_rounds += rt > 1000000000u;
    st.rounds++;
    st.bytes += c->len;
    c->state = C_IDLE;
    if (phase >= DRAIN || c->want_reconnect) {
        if (c->want_reconnect)
            st.reconnects++;
        c->want_reconnect = 0;
        conn_close(c, 0);
        return;
    }
    if (opt_max_idle > 0)
        uv_timer_start(&c->idle, on_idle_done,
                       rnd() % (uint64_t)(opt_max_idle + 1), 0);
    else
        conn_start_round(c);
}

static void conn_alloc(uv_handle_t *h, size_t hint, uv_buf_t *b)
{
    static char buf[65536];  /* checked before the next read: one suffices */
    (void)h;
    (void)hint;
    *b = uv_buf_init(buf, sizeof buf);
}

static void conn_read(uv_stream_t *s, ssize_t n, const uv_buf_t *b)
{
    struct conn *c = s->data;
    if (n == 0)
        return;
    if (n < 0) {
        if (c->state != C_CLOSING)
            conn_unexpected(c, "read", (int)n);
        return;
    }
    if (c->state != C_ROUND) {  /* bytes nobody asked for */
        st.wrong_bytes += (uint64_t)n;
        note("%s on connection %d%s", "unexpected bytes", c->slot, 0);
        return;
    }
    size_t want = c->sent - c->got, k = (size_t)n < want ? (size_t)n : want;
    const unsigned char *exp = table + c->off + c->got;
    if (memcmp(b->base, exp, k) != 0) {
        for (size_t i = 0; i < k; i++)
            st.wrong_bytes += (unsigned char)b->base[i] != exp[i];
        note("%s on connection %d%s", "wrong bytes", c->slot, 0);
    }
    if ((size_t)n > want) {
        st.wrong_bytes += (uint64_t)n - want;
        note("%s on connection %d%s", "too many bytes", c->slot, 0);
    }
    c->got += k;
    if (c->resetting) {
        /* Half a message out, some of it echoed: reset mid-message. */
        st.resets++;
        c->resetting = 0;
        conn_close(c, 1);
        return;
    }
    if (c->got == c->len)
        conn_round_done(c);
}

static void conn_written(uv_write_t *w, int status)
{
    struct conn *c = w->data;
    if (status < 0 && c->state != C_CLOSING)
        conn_unexpected(c, "write", status);
}

static void conn_start_round(struct conn *c)
{
    if (phase >= DRAIN) {
        conn_close(c, 0);
        return;
    }
    /* The first round trip of a connection is the longest, so the server's
     * per-connection buffers reach their full size at once, not at the
     * first long message after the warm-up. */
    c->len = c->fresh ? (size_t)opt_max_len
                      : 1 + (size_t)(rnd() % (uint64_t)opt_max_len);
    c->fresh = 0;
    c->off = (size_t)(rnd() % (TABLE_SIZE - c->len));
    c->got = 0;
    c->sent = c->len;
    if (c->want_reset) {
        c->want_reset = 0;
        c->resetting = 1;
        if (c->len < 2)
            c->len = 2;
        c->sent = c->len / 2;
    }
    c->state = C_ROUND;
    c->round_start = uv_hrtime();
    uv_buf_t b = uv_buf_init((char *)table + c->off, (unsigned)c->sent);
    c->wreq.data = c;
    int err = uv_write(&c->wreq, (uv_stream_t *)&c->tcp, &b, 1, conn_written);
    if (err < 0)
        conn_unexpected(c, "write", err);
}

static void on_connect(uv_connect_t *req, int status)
{
    struct conn *c = req->data;
    connecting--;
    pump_connects();
    if (status < 0) {
        st.connect_failures++;
        note("%s on connection %d: %s", "connect", c->slot, status);
        conn_close(c, 0);
        if (st.connect_failures > 100 && phase <= RUN)
            begin_drain();  /* the run has failed: stop hammering */
        return;
    }
    if (!c->connected_once) {
        c->connected_once = 1;
        ever_connected++;
    }
    if (phase >= DRAIN) {
        conn_close(c, 0);
        return;
    }
    uv_tcp_nodelay(&c->tcp, 1);
    c->fresh = 1;
    int err = uv_read_start((uv_stream_t *)&c->tcp, conn_alloc, conn_read);
    if (err < 0) {
        conn_unexpected(c, "read start", err);
        return;
    }
    conn_start_round(c);
}

static void pump_connects(void)
{
    while (q_len > 0 && connecting < MAX_CONNECTING) {
        struct conn *c = &conns[queue[q_head]];
        q_head = (q_head + 1) % opt_conns;
        q_len--;
        if (phase >= DRAIN) {
            c->state = C_OFF;
            continue;
        }
        uv_tcp_init(loop, &c->tcp);
        c->tcp.data = c;
        c->creq.data = c;
        c->state = C_CONNECTING;
        open_conns++;
        connecting++;
        int err = uv_tcp_connect(&c->creq, &c->tcp,
                                 (const struct sockaddr *)&server_addr,
                                 on_connect);
        if (err < 0) {
            connecting--;
            st.connect_failures++;
            note("%s on connection %d: %s", "connect", c->slot, err);
            c->state = C_CLOSING;
            uv_close((uv_handle_t *)&c->tcp, conn_closed);
        }
    }
}

/* ---- schedule ---------------------------------------------------------- */

static uv_timer_t tick;
static int resets_planned;
static uint64_t waves_done;

static struct conn *random_busy_conn(void)
{
    for (int tries = 0; tries < 100; tries++) {
        struct conn *c = &conns[rnd() % (uint64_t)opt_conns];
        if ((c->state == C_IDLE || c->state == C_ROUND) &&
            !c->want_reconnect && !c->want_reset && !c->resetting)
            return c;
    }
    return NULL;
}

/* Spreads the resets evenly over the first 90 % of the run (so that the
 * last ones still happen), whatever the timer's lateness. */
static void plan_resets(uint64_t ms)
{
    uint64_t span = (uint64_t)opt_secs * 900;
    uint64_t due = ms >= span ? (uint64_t)opt_resets
                              : (uint64_t)opt_resets * ms / span;
    while ((uint64_t)resets_planned < due) {
        struct conn *c = random_busy_conn();
        if (!c)
            break;
        c->want_reset = 1;
        resets_planned++;
    }
}

static void begin_drain(void)
{
    phase = DRAIN;
    drain_start = uv_now(loop);
    if (opt_pid)
        fd_loaded = server_fds();
    /* Idle connections close now; the others at the end of their round. */
    for (int i = 0; i < opt_conns; i++) {
        struct conn *c = &conns[i];
        if (c->state == C_IDLE)
            conn_close(c, 0);
    }
    pump_connects();  /* drops the queued ones */
}

static void finish(void)
{
    phase = DONE;
    uv_timer_stop(&tick);
    uv_close((uv_handle_t *)&tick, NULL);
    for (int i = 0; i < opt_conns; i++)
        uv_close((uv_handle_t *)&conns[i].idle, NULL);
}

static void on_tick(uv_timer_t *t)
{
    (void)t;
    switch (phase) {
    case RAMP:
        if (ever_connected >= opt_conns) {
            phase = RUN;
            run_start = uv_now(loop);
            printf("ramp-up: %d connections in %.1f s\n", opt_conns,
                   elapsed(t0));
            fflush(stdout);
        } else if (uv_now(loop) - t0 > RAMP_LIMIT_MS) {
            fprintf(stderr, "soak_client: ramp-up: only %d of %d connected "
                    "after %d s\n", ever_connected, opt_conns,
                    RAMP_LIMIT_MS / 1000);
            st.unexpected += (uint64_t)(opt_conns - ever_connected);
            run_start = uv_now(loop);
            begin_drain();
        }
        break;
    case RUN: {
        uint64_t ms = uv_now(loop) - run_start;
        if (opt_pid && ms >= (uint64_t)(n_rss_every5 + 1) * 5000 &&
            n_rss_every5 < 64)
            rss_every5[n_rss_every5++] = server_rss_kb();
        if (opt_pid && ms >= (uint64_t)opt_warm * 1000) {
            long rss = server_rss_kb();
            if (rss_warm < 0)
                rss_warm = rss;
            if (rss > rss_max)
                rss_max = rss;
        }
        /* A wave each time a multiple of RECONNECT_EVERY seconds passes. */
        uint64_t wave = ms / ((uint64_t)opt_reconnect_every * 1000);
        if (wave > waves_done && ms < (uint64_t)opt_secs * 1000) {
            waves_done = wave;
            int n = opt_conns * opt_reconnect_pct / 100, flagged = 0;
            for (int tries = 0; flagged < n && tries < 20 * n; tries++) {
                struct conn *c = random_busy_conn();
                if (c) {
                    c->want_reconnect = 1;
                    flagged++;
                }
            }
        }
        plan_resets(ms);
        if (ms >= (uint64_t)opt_secs * 1000)
            begin_drain();
        break;
    }
    case DRAIN:
        if (open_conns == 0 && q_len == 0) {
            phase = FDWAIT;
            fdwait_start = uv_now(loop);
        } else if (uv_now(loop) - drain_start > DRAIN_LIMIT_MS) {
            for (int i = 0; i < opt_conns; i++) {
                struct conn *c = &conns[i];
                if (c->state != C_OFF && c->state != C_QUEUED &&
                    c->state != C_CLOSING) {
                    st.stuck++;
                    conn_close(c, 0);
                }
            }
        }
        break;
    case FDWAIT:
        fd_end = opt_pid ? server_fds() : -1;
        if (!opt_pid || fd_end == fd_idle) {
            fd_back_after = elapsed(fdwait_start);
            finish();
        } else if (uv_now(loop) - fdwait_start > FD_WAIT_MS) {
            finish();
        }
        break;
    case DONE:
        break;
    }
}

/* ---- main -------------------------------------------------------------- */

static int usage(void)
{
    fprintf(stderr, "usage: soak_client -p PORT [-P SERVER_PID] [-c CONNS] "
            "[-d SECONDS] [-w WARMUP] [-r RECONNECT_PERCENT] "
            "[-e RECONNECT_EVERY] [-x RESETS] [-m MAX_LEN] [-i MAX_IDLE_MS] "
            "[-s SEED]\n");
    return 2;
}

static const char *verdict(int ok) { return ok ? "ok" : "FAIL"; }

int main(int argc, char **argv)
{
    int o;
    opt_seed = (uint64_t)getpid() * 2654435761u ^ (uint64_t)time(NULL);
    while ((o = getopt(argc, argv, "p:P:c:d:w:r:e:x:m:i:s:")) != -1) {
        switch (o) {
        case 'p': opt_port = atoi(optarg); break;
        case 'P': opt_pid = atoi(optarg); break;
        case 'c': opt_conns = atoi(optarg); break;
        case 'd': opt_secs = atoi(optarg); break;
        case 'w': opt_warm = atoi(optarg); break;
        case 'r': opt_reconnect_pct = atoi(optarg); break;
        case 'e': opt_reconnect_every = atoi(optarg); break;
        case 'x': opt_resets = atoi(optarg); break;
        case 'm': opt_max_len = atoi(optarg); break;
        case 'i': opt_max_idle = atoi(optarg); break;
        case 's': opt_seed = strtoull(optarg, NULL, 10); break;
        default: return usage();
        }
    }
    if (opt_port <= 0 || opt_conns < 1 || opt_secs < 1 || opt_warm < 0 ||
        opt_warm >= opt_secs || opt_reconnect_every < 1 || opt_resets < 0 ||
        opt_max_len < 2 || opt_max_len > 65536 || opt_max_idle < 0 ||
        opt_reconnect_pct < 0 || opt_reconnect_pct > 100)
        return usage();

    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 &&
        rl.rlim_cur < (rlim_t)opt_conns + 64) {
        fprintf(stderr, "soak_client: ulimit -n is %lu, %d connections need "
                "more\n", (unsigned long)rl.rlim_cur, opt_conns);
        return 2;
    }

    rng_state = opt_seed ? opt_seed : 1;
    table = malloc(TABLE_SIZE);
    conns = calloc((size_t)opt_conns, sizeof *conns);
    queue = calloc((size_t)opt_conns, sizeof *queue);
    if (!table || !conns || !queue)
        abort();
    for (size_t i = 0; i < TABLE_SIZE; i++)
        table[i] = (unsigned char)(rnd() >> 56);

    loop = uv_default_loop();
    uv_ip4_addr("127.0.0.1", opt_port, &server_addr);
    if (opt_pid) {
        fd_idle = server_fds();
        rss_idle = server_rss_kb();
        if (fd_idle < 0 || rss_idle < 0) {
            fprintf(stderr, "soak_client: cannot read /proc/%d\n", opt_pid);
            return 2;
        }
    }
    printf("soak: %d connections x %d s to 127.0.0.1:%d, seed %llu\n",
           opt_conns, opt_secs, opt_port, (unsigned long long)opt_seed);
    fflush(stdout);

    uv_update_time(loop);
    t0 = uv_now(loop);
    uv_timer_init(loop, &tick);
    uv_timer_start(&tick, on_tick, 100, 100);
    for (int i = 0; i < opt_conns; i++) {
        conns[i].slot = i;
        uv_timer_init(loop, &conns[i].idle);
        conns[i].idle.data = &conns[i];
        enqueue_connect(&conns[i]);
    }
    uv_run(loop, UV_RUN_DEFAULT);

    double secs = (double)(drain_start - run_start) / 1e3;
    printf("round trips: %llu (%.0f/s), %.1f MB echoed\n",
           (unsigned long long)st.rounds, secs > 0 ? st.rounds / secs : 0.0,
           st.bytes / 1e6);
    printf("slowest round trip: %.0f ms; %llu took over 1 s\n",
           st.max_rt_ns / 1e6, (unsigned long long)st.slow_rounds);
    printf("planned: %llu graceful reconnects, %llu of %d resets "
           "mid-message\n", (unsigned long long)st.reconnects,
           (unsigned long long)st.resets, opt_resets);
    int ok_bytes = st.wrong_bytes == 0;
    int ok_disc = st.unexpected == 0 && st.connect_failures == 0 &&
                  st.stuck == 0;
    printf("wrong bytes: %llu  %s\n", (unsigned long long)st.wrong_bytes,
           verdict(ok_bytes));
    printf("unexpected disconnects: %llu, failed connects: %llu, stuck at "
           "the end: %llu  %s\n", (unsigned long long)st.unexpected,
           (unsigned long long)st.connect_failures,
           (unsigned long long)st.stuck, verdict(ok_disc));
    int ok_rss = 1, ok_fd = 1;
    if (opt_pid) {
        double growth = rss_warm > 0 ? 100.0 * (double)(rss_max - rss_warm) /
                                       (double)rss_warm : 0;
        ok_rss = rss_warm > 0 && growth < 10.0;
        printf("server RSS: idle %.1f MiB, after warm-up (%d s) %.1f MiB, "
               "max after %.1f MiB: %+.1f %%  %s (< 10 %%)\n",
               rss_idle / 1024.0, opt_warm, rss_warm / 1024.0,
               rss_max / 1024.0, growth, verdict(ok_rss));
        printf("server RSS every 5 s (MiB):");
        for (int i = 0; i < n_rss_every5; i++)
            printf(" %.1f", rss_every5[i] / 1024.0);
        printf("\n");
        ok_fd = fd_end == fd_idle;
        if (ok_fd)
            printf("server fds: idle %ld, loaded %ld, %ld %.1f s after the "
                   "clients left  ok\n", fd_idle, fd_loaded, fd_end,
                   fd_back_after);
        else
            printf("server fds: idle %ld, loaded %ld, still %ld %d s after "
                   "the clients left  FAIL\n", fd_idle, fd_loaded, fd_end,
                   FD_WAIT_MS / 1000);
    } else {
        printf("server RSS and fds: not measured (no -P)\n");
    }
    int ok = ok_bytes && ok_disc && ok_rss && ok_fd;
    printf("result: %s\n", ok ? "PASS" : "FAIL");
    free(table);
    free(conns);
    free(queue);
    return ok ? 0 : 1;
}
