/* The two-thread floor of actor_rr: two threads, one libuv loop each,
 * passing a number back and forth through a locked queue and
 * uv_async_send.  N round trips (argv[1]); prints the final number. */
#include <stdio.h>
#include <stdlib.h>
#include <uv.h>

struct side {
    uv_loop_t loop;
    uv_async_t async;
    uv_mutex_t lock;
    long queue[64];
    int head, tail;
    struct side *peer;
    long rounds;
    long last;
};

static long n_rounds;

static void push(struct side *to, long v)
{
    uv_mutex_lock(&to->lock);
    to->queue[to->tail++ % 64] = v;
    uv_mutex_unlock(&to->lock);
    uv_async_send(&to->async);
}

static void on_async(uv_async_t *h)
{
    struct side *s = h->data;
    for (;;) {
        uv_mutex_lock(&s->lock);
        if (s->head == s->tail) {
            uv_mutex_unlock(&s->lock);
            return;
        }
        long v = s->queue[s->head++ % 64];
        uv_mutex_unlock(&s->lock);
        s->last = v;
        if (v < 0 || ++s->rounds > n_rounds) {
            if (v >= 0)
                push(s->peer, -1);
            uv_close((uv_handle_t *)&s->async, NULL);
            return;
        }
        push(s->peer, v + 1);
    }
}

static void run(void *arg)
{
    struct side *s = arg;
    uv_run(&s->loop, UV_RUN_DEFAULT);
}

int main(int argc, char **argv)
{
    n_rounds = argc > 1 ? atol(argv[1]) : 200000;
    static struct side a, b;
    struct side *sides[2] = {&a, &b};
    for (int i = 0; i < 2; i++) {
        uv_loop_init(&sides[i]->loop);
        uv_async_init(&sides[i]->loop, &sides[i]->async, on_async);
        sides[i]->async.data = sides[i];
        uv_mutex_init(&sides[i]->lock);
    }
    a.peer = &b;
    b.peer = &a;
    uv_thread_t t;
    uv_thread_create(&t, run, &b);
    push(&b, 0);
    run(&a);
    uv_thread_join(&t);
    printf("%ld\n", a.last > b.last ? a.last : b.last);
    return 0;
}
