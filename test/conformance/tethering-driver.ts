/**
 * How the tethering conformance suite sets up "Windows" for a backend: the fake through its
 * controls (tethering-fake-driver.ts); the native addon later, through Wine test components that
 * stand in for `NetworkOperatorTetheringManager` and script each outcome.
 */

import type {
  Backend,
  TetheringCapability,
  TetheringDiagnostics,
  TetheringOperationStatus,
  TetheringWiFiAuthenticationKind,
  TetheringWiFiBand,
} from '../../lib/backend.js';

/** What a fresh backend starts with. */
export interface TetheringSetup {
  /** The Windows build "Windows" plays (default 26100, which has every tethering API). */
  windowsBuild?: number;
}

export interface TetheringScenarioDriver {
  /** 'fake' or 'native (Wine)'. */
  readonly name: string;
  /**
   * A fresh backend: one account, registered and connected; the hotspot off, capability
   * enabled, the no-connections timeout enabled, an access point stored; bands auto, 2.4GHz
   * and 5GHz supported (not 6GHz); wpa2 and wpa3TransitionMode supported (not wpa3).
   */
  createBackend(setup?: TetheringSetup): Promise<Backend>;
  /** The name of the connection profile a named manager may share. */
  readonly profileName: string;
  /** The idle time after which Windows turns a hotspot without clients off. */
  readonly noConnectionsTimeoutMs: number;
  /** "Windows" reports this capability from now on. */
  setCapability(capability: TetheringCapability): Promise<void>;
  /** The adapter supports (or not) a band / an authentication kind. */
  setBandSupported(band: TetheringWiFiBand, supported: boolean): Promise<void>;
  setAuthenticationKindSupported(
    kind: TetheringWiFiAuthenticationKind,
    supported: boolean,
  ): Promise<void>;
  /** The next start or stop answers this status and message (and changes nothing). */
  scriptNext(
    operation: 'start' | 'stop',
    status: TetheringOperationStatus,
    additionalErrorMessage: string,
  ): Promise<void>;
  /** What the hotspot depends on reads differently. */
  setDiagnostics(patch: Partial<TetheringDiagnostics>): Promise<void>;
  /** A device joins / leaves the hotspot. */
  clientJoins(macAddress: string, hostNames: string[]): Promise<void>;
  clientLeaves(macAddress: string): Promise<void>;
  /** Moves the backend's clock forward, running due timers. */
  advance(ms: number): Promise<void>;
  /** Resolves once what "Windows" raised has been delivered. */
  settle(): Promise<void>;
}
