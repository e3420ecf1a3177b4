/** The operator-tasks conformance driver for the fake: `fake.notifications.operatorTasks`. */

import { createFakeBackend, type FakeBackend } from '../../lib/fake/fake-backend.js';
import type { OperatorTasksDriver } from './operator-tasks-driver.js';

export function operatorTasksFakeDriver(): OperatorTasksDriver {
  let fake: FakeBackend | undefined;
  const current = (): FakeBackend => {
    if (fake === undefined) throw new Error('createBackend() first');
    return fake;
  };
  return {
    name: 'fake',
    networkAccountId: '{5E4A8C1B-21D4-4F0B-9C35-1A2B3C4D5E6F}',
    createBackend() {
      fake = createFakeBackend();
      return Promise.resolve(fake);
    },
    createUnpackagedBackend() {
      fake = createFakeBackend({ packaged: false });
      return Promise.resolve(fake);
    },
    setBackgroundAccess(status) {
      current().notifications.operatorTasks.setBackgroundAccess(status);
      return Promise.resolve();
    },
    addForeignTask(name) {
      current().notifications.operatorTasks.addRegistration(name, 'networkOperatorNotification');
      return Promise.resolve();
    },
    registeredNames() {
      const names = current()
        .notifications.operatorTasks.registrations()
        .map((task) => task.name);
      return Promise.resolve(names.sort());
    },
    liveObjects: () => Promise.resolve(0),
  };
}
