#ifndef DRSIM_CGSL_SHIM_H
#define DRSIM_CGSL_SHIM_H
#include <stdint.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_errno.h>

/* Swift 6 rejects GSL's mutable C globals (`gsl_rng_taus2`, ...) as not concurrency-safe,
   so they are reached through these accessors. */

/** The Tausworthe generator of L'Ecuyer (1996), `gsl_rng_taus2`: 24-byte state, period ~2^88. */
static inline const gsl_rng_type *drsim_rng_taus2(void) { return gsl_rng_taus2; }

/** The Mersenne Twister `gsl_rng_mt19937` (about 5 KB of state); not used by drsim's streams. */
static inline const gsl_rng_type *drsim_rng_mt19937(void) { return gsl_rng_mt19937; }

/** Turns off GSL's default error handler, which calls abort(); GSL functions then return
    their error value (e.g. NaN) instead. Process-wide and idempotent. */
static inline void drsim_gsl_error_handler_off(void) { gsl_set_error_handler_off(); }

/** Mirror of `taus_state_t` in GSL's rng/taus.c (three `unsigned long` words, 32 bits used). */
typedef struct {
    unsigned long int s1, s2, s3;
} drsim_taus_state;

/** Sets the full 96-bit state of a `gsl_rng_taus2` generator.

    `gsl_rng_set` on taus2 uses only the low 32 bits of its seed (it expands it with a 32-bit
    LCG), so 64-bit seeds would collide; drsim writes the three words itself. GSL's own validity
    rule for taus2 is applied: s1 >= 2, s2 >= 8, s3 >= 16 (raised like `taus2_set` does).
    Returns 0 (and changes nothing) if `r` is not a taus2 generator with the expected state size. */
static inline int drsim_rng_taus2_set_state(gsl_rng *r, uint32_t s1, uint32_t s2, uint32_t s3) {
    if (r == NULL || r->type != gsl_rng_taus2 || r->type->size != sizeof(drsim_taus_state)) {
        return 0;
    }
    drsim_taus_state *state = (drsim_taus_state *) r->state;
    state->s1 = s1 < 2u ? (unsigned long int) s1 + 2ul : (unsigned long int) s1;
    state->s2 = s2 < 8u ? (unsigned long int) s2 + 8ul : (unsigned long int) s2;
    state->s3 = s3 < 16u ? (unsigned long int) s3 + 16ul : (unsigned long int) s3;
    return 1;
}
#endif
