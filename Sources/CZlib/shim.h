#include <zlib.h>

// deflateInit2/inflateInit2 are macros over the *_ variants; Swift cannot call macros.
static inline int buildermock_deflateInit2(z_streamp strm, int level, int method, int windowBits, int memLevel, int strategy) {
    return deflateInit2(strm, level, method, windowBits, memLevel, strategy);
}
static inline int buildermock_inflateInit2(z_streamp strm, int windowBits) {
    return inflateInit2(strm, windowBits);
}
