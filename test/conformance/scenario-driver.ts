/**
 * How the conformance suite sets up "Windows" for a backend: the fake through its controls,
 * the native addon through the Wine test component (test/windows/native-driver.ts).
 */

import type { Backend, EsimServiceInfo } from '../../lib/backend.js';
import type {
  FakeEsimAccess,
  FakeEsimCardScript,
  FakeEsimCodeScript,
  FakeEsimDiscoverScript,
  FakeEsimInit,
  FakeEsimMember,
  FakeEsimPatch,
  FakeEsimProfileInit,
  FakeEsimProfileScript,
} from '../../lib/fake/fake-esim.js';

export interface BackendOptions {
  /** Data events a watcher may hold undelivered (the bounded queue). */
  eventQueueLimit?: number;
}

/** How the "Windows" side completes asynchronous operations. */
export type CompletionMode = 'otherThread' | 'synchronous';

/** How asynchronous operations completed so far (native only). */
export interface CompletionCounts {
  /** The completion handler ran inside `put_Completed`, on the calling thread. */
  synchronous: number;
  /** The completion handler ran on a thread of the "Windows" side. */
  otherThread: number;
}

/** What worker threads reported (native only). */
export interface WorkerReport {
  /** eSIMs each worker listed. */
  listed: number[];
}

export interface EsimScenarioDriver {
  /** 'fake' or 'native (Wine)'. */
  readonly name: string;
  /** A fresh backend on a reset scenario. */
  createBackend(options?: BackendOptions): Promise<Backend>;
  insert(esim: FakeEsimInit): Promise<void>;
  addProfile(eid: string, profile: FakeEsimProfileInit): Promise<void>;
  update(eid: string, patch: FakeEsimPatch): Promise<void>;
  eject(eid: string): Promise<void>;
  /** `count` updated events from the backend's event thread, firmwareVersion burst-1…burst-n. */
  burst(eid: string, count: number): Promise<void>;
  setAccess(access: FakeEsimAccess): Promise<void>;
  setServiceInfo(info: EsimServiceInfo): Promise<void>;
  setFailure(member: FakeEsimMember, hresult: number | undefined): Promise<void>;
  /** How "Windows" answers an activation code (same options as `fake.esim.script()`). */
  scriptCode(activationCode: string, script: FakeEsimCodeScript): Promise<void>;
  /** How "Windows" answers operations on a profile. */
  scriptProfile(iccid: string, script: FakeEsimProfileScript): Promise<void>;
  /** How "Windows" answers a reset of an eSIM. */
  scriptEsim(eid: string, script: FakeEsimCardScript): Promise<void>;
  /**
   * How "Windows" answers `ESim.DiscoverAsync()` (`server` undefined: the default SM-DS) or
   * `DiscoverWithServerAddressAndMatchingIdAsync(server, …)`, with the options and defaults of
   * `fake.esim.scriptDiscover()`: `Result.Status`, the `ESimDiscoverEvent`s (Kind Events; none
   * is Kind None), and how long it takes. An unscripted server asked with a matching id answers
   * as the SM-DP+ of the activation code `1$<server>$<matching id>` (Kind ProfileMetadata, that
   * code's script). Absent where the backend cannot script discovery yet (its tests are skipped).
   */
  scriptDiscover?(script: FakeEsimDiscoverScript, server?: string): Promise<void>;
  /**
   * Makes later operations complete on a thread of the "Windows" side or synchronously inside
   * `put_Completed`; absent where there is only one way (the fake).
   */
  setCompletion?(mode: CompletionMode): Promise<void>;
  /** Completions so far by kind; `undefined` where there is nothing native to count. */
  completions(): Promise<CompletionCounts | undefined>;
  /** `IAsyncInfo.Cancel()` calls "Windows" received; `undefined` where there is no IAsyncInfo. */
  cancelCalls(): Promise<number | undefined>;
  /** Watchers running on the "Windows" side. */
  runningWatchers(): Promise<number>;
  /**
   * Objects of the "Windows" side still alive, once its threads have finished; `undefined`
   * where there is nothing native to count.
   */
  liveObjects(): Promise<number | undefined>;
  /**
   * Loads the package in `count` worker threads, lists eSIMs in each, leaves a watcher running
   * and terminates the workers; `undefined` (and a reason) where the backend has no native code.
   */
  inWorkers?(count: number): Promise<WorkerReport>;
  /**
   * Loads the package in a worker thread, starts an install of `activationCode` on eSIM
   * `eid` there (scripted to take long), terminates the worker while it is pending, and
   * resolves once the worker is gone; absent where the backend has no native code.
   */
  pendingInWorker?(eid: string, activationCode: string): Promise<void>;
  /** Why `inWorkers` is absent. */
  readonly noWorkersReason?: string;
}
