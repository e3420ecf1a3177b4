/**
 * What an unpackaged process sees of the fake machine, as the native backend's watchers see
 * Windows: a registration on every `AccountUpdated` with `HasNetworkChanged`, and on every
 * `NetworkStatusChanged` the connection and the data plan. It feeds the shared derived engine
 * (`DerivedNotificationSource`), like the native backend's observer does.
 *
 * @module
 */

import type {
  DataPlanStatus,
  DerivedObservation,
  DerivedObservationSink,
  DerivedObserver,
  DerivedObserverHandle,
  NetworkRegistrationState,
} from '../backend.js';

/** The machine's state an observer reads. */
export interface FakeObservedState {
  networkAccountId: string;
  registration: NetworkRegistrationState;
  connected: boolean;
  dataPlan: DataPlanStatus | undefined;
}

/** @internal */
export class FakeDerivedObserver implements DerivedObserver {
  readonly #read: () => FakeObservedState;
  readonly #sinks = new Set<DerivedObservationSink>();

  constructor(read: () => FakeObservedState) {
    this.#read = read;
  }

  start(sink: DerivedObservationSink): Promise<DerivedObserverHandle> {
    const state = this.#read();
    const id = state.networkAccountId;
    sink.observe([
      { kind: 'registration', networkAccountId: id, state: state.registration, initial: true },
      { kind: 'connection', networkAccountId: id, connected: state.connected, initial: true },
      { kind: 'dataPlan', networkAccountId: id, status: state.dataPlan, initial: true },
    ]);
    this.#sinks.add(sink);
    return Promise.resolve({
      close: () => {
        this.#sinks.delete(sink);
        return Promise.resolve();
      },
    });
  }

  /** `AccountUpdated` with `HasNetworkChanged`: the modem registered (again). */
  registrationChanged(): void {
    const state = this.#read();
    this.#send([
      { kind: 'registration', networkAccountId: state.networkAccountId, state: state.registration },
    ]);
  }

  /** `NetworkStatusChanged`: a connection came, went, or a profile changed. */
  networkStatusChanged(): void {
    const state = this.#read();
    const id = state.networkAccountId;
    this.#send([
      { kind: 'connection', networkAccountId: id, connected: state.connected },
      { kind: 'dataPlan', networkAccountId: id, status: state.dataPlan },
    ]);
  }

  #send(observations: DerivedObservation[]): void {
    for (const sink of [...this.#sinks]) sink.observe(observations);
  }
}
