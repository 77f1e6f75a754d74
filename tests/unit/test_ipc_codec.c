/* The IPC decoder against generated messages: every well-formed message
 * a sender can produce is accepted; each kind of malformation, and every
 * single-byte corruption, is accepted only when the model (ipc_model.h)
 * agrees the bytes are still a canonical message. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "ipc_model.h"

static uint64_t rng = 0x9e3779b97f4a7c15u;

static uint32_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 11);
}

static void fill_leaf(struct ipc_member *m, size_t *nfds)
{
    m->tag = (uint8_t)(IPC_BOOLEAN + next() % 5);
    switch (m->tag) {
    case IPC_BOOLEAN:
        m->boolean = next() & 1;
        break;
    case IPC_NUMBER:
        m->number = (double)(int32_t)next() / 7.0;
        break;
    case IPC_STRING:
        m->str_len = (uint8_t)(next() % 256);
        for (unsigned i = 0; i < m->str_len; i++)
            m->str[i] = (char)next();
        break;
    default:
        ++*nfds;
    }
}

/* A random well-formed message; returns its fd count. */
static size_t generate(struct ipc_wire *w)
{
    memset(w, 0, sizeof *w);
    size_t nfds = 0;
    if (next() % 3 == 0) {
        w->kind = IPC_LEAF;
        w->count = 1;
        fill_leaf(&w->m[0], &nfds);
        return nfds;
    }
    w->kind = IPC_DICT;
    w->count = (uint8_t)(1 + next() % EMILUA_IPC_MAX_MEMBERS);
    for (unsigned i = 0; i < w->count; i++) {
        struct ipc_member *m = &w->m[i];
        /* distinct keys: the index, then random bytes */
        m->key_len = (uint8_t)(2 + next() % 254);
        m->key[0] = (char)(i + 1);
        m->key[1] = 'k';
        for (unsigned j = 2; j < m->key_len; j++)
            m->key[j] = (char)next();
        fill_leaf(m, &nfds);
    }
    return nfds;
}

/* Each rule of the format broken once; the message must be refused. */
static void check_malformations(const struct ipc_wire *good, size_t nfds)
{
    static struct ipc_wire w;
    const struct ipc_member *m0 = &good->m[0];
#define BAD(stmt, n)                                                      \
    do {                                                                  \
        w = *good;                                                        \
        stmt;                                                             \
        CHECK(ipc_validate(&w, sizeof w, (n)) != 0);                      \
        CHECK(!model_valid((void *)&w, sizeof w, (n)));                   \
    } while (0)
    BAD(w.kind = 0, nfds);
    BAD(w.kind = 3, nfds);
    BAD(w.count = 0, nfds);
    BAD(w.count = EMILUA_IPC_MAX_MEMBERS + 1, nfds);
    BAD(w.pad[next() % sizeof w.pad] = 1, nfds);
    BAD(w.m[0].tag = 6, nfds);
    BAD(w.m[0].pad[next() % 4] = 1, nfds);
    BAD((void)0, nfds + 1);
    if (nfds)
        BAD((void)0, nfds - 1);
    if (good->kind == IPC_LEAF)
        BAD((w.m[0].key_len = 1, w.m[0].key[0] = 'x'), nfds);
    else
        BAD(w.m[0].key_len = 0, nfds);
    if (m0->key_len < IPC_STR_MAX)
        BAD(w.m[0].key[m0->key_len] = 'x', nfds);
    if (m0->tag != IPC_NUMBER)
        BAD(w.m[0].number = 1.0, nfds);
    if (m0->tag == IPC_BOOLEAN)
        BAD(w.m[0].boolean = 2, nfds);
    else
        BAD(w.m[0].boolean = 1, nfds);
    if (m0->tag == IPC_STRING && m0->str_len < IPC_STR_MAX)
        BAD(w.m[0].str[m0->str_len] = 'x', nfds);
    if (m0->tag != IPC_STRING)
        BAD(w.m[0].str_len = 1, nfds);
    if (good->count < EMILUA_IPC_MAX_MEMBERS)
        BAD(((unsigned char *)&w.m[good->count])[next() % sizeof w.m[0]] = 1,
            nfds);
    if (good->kind == IPC_DICT && good->count > 1)
        BAD((w.m[1].key_len = m0->key_len,
             memcpy(w.m[1].key, m0->key, sizeof m0->key)), nfds);
#undef BAD
    /* too short, too long */
    unsigned char big[sizeof w + 1];
    memcpy(big, good, sizeof w);
    big[sizeof w] = 0;
    CHECK(ipc_validate(big, sizeof w - 1, nfds) != 0);
    CHECK(ipc_validate(big, sizeof big, nfds) != 0);
}

int main(void)
{
    static struct ipc_wire w, v;
    for (int round = 0; round < 3000; round++) {
        size_t nfds = generate(&w);
        CHECK(ipc_validate(&w, sizeof w, nfds) == 0);
        CHECK(model_valid((void *)&w, sizeof w, nfds));
        CHECK(ipc_fd_count(&w) == nfds);
        check_malformations(&w, nfds);
        /* a corrupted byte passes only if the result is still canonical */
        for (int k = 0; k < 64; k++) {
            v = w;
            size_t at = next() % sizeof v;
            ((unsigned char *)&v)[at] ^= (unsigned char)(1 + next() % 255);
            int got = ipc_validate(&v, sizeof v, nfds) == 0;
            CHECK(got == model_valid((void *)&v, sizeof v, nfds));
        }
    }
    return check_failures != 0;
}
