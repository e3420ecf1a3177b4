/** The operator-tasks conformance suite on the fake, and the lane's list of its checks. */

import {
  defineOperatorTasksConformance,
  operatorTasksCheckNames,
} from './operator-tasks-conformance.js';
import { operatorTasksFakeDriver } from './operator-tasks-fake-driver.js';
import { laneNamesEvery, vitestApi as api } from './vitest-api.js';

defineOperatorTasksConformance(api, operatorTasksFakeDriver());

laneNamesEvery('operator-tasks', operatorTasksCheckNames);
