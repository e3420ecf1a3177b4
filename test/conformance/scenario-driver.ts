/**
 * How the conformance suite sets up "Windows" for a backend: the fake through its controls,
 * the native addon through the Wine test component (test/windows/native-driver.ts).
 */

import type { Backend, EsimServiceInfo } from '../../lib/backend.js';
import type {
  FakeEsimAccess,
  FakeEsimInit,
  FakeEsimMember,
  FakeEsimPatch,
  FakeEsimProfileInit,
} from '../../lib/fake/fake-esim.js';

export interface BackendOptions {
  /** Data events a watcher may hold undelivered (the bounded queue). */
  eventQueueLimit?: number;
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
  /** Why `inWorkers` is absent. */
  readonly noWorkersReason?: string;
}
