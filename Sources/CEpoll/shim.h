// Glibc's Swift module leaves out <sys/epoll.h>; this header-only module brings it in for
// HTTP/Sockets/EventSet.swift, the one file that calls it. Nothing to link: epoll is in libc.
#include <sys/epoll.h>
