// Works around a use after free in Node's own teardown of an addon's environment (node_api.cc:
// seen with Node 22.23's node.exe, and the newest source read has the same order; ASAN reports
// of it: nodesource/nsolid#14): a Node-API finalizer that a garbage collection queues runs in an
// immediate that first drops the environment's reference it took and then drains the queue —
// through a pointer that drop may have just freed, when it was the last reference. It is the
// last when the environment's own reference (dropped by its cleanup hook) and every thread-safe
// function (each holds one until its handle is closed) are gone before that immediate runs, which
// is what happens when a collection comes while Node closes the handles at exit (a process whose
// stdout is a pipe with writes pending did it three times in four in the Windows lane; the crash
// reads a freed `pending_finalizers` at exit, status 0xC0000005).
//
// The hold is one thread-safe function of our own, unref'd (it never keeps a process alive) and
// never called. Node closes it with the environment's other thread-safe functions and frees it —
// dropping its reference — only in the handle-close phase of the next cleanup round, after the
// immediates already queued have run; so a queued finalizer's immediate is never the last
// reference. Nothing to do on our side when the environment goes: Node frees the hold itself.
#pragma once

#include <napi.h>

namespace wmbb {

/** Takes the hold for `env`'s lifetime (see above); throws if Node refuses the function. */
void HoldEnvironmentThroughTeardown(Napi::Env env);

}  // namespace wmbb
