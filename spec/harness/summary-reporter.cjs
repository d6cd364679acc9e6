'use strict';
// Mocha reporter: the usual Spec output, then one plain line `N passed, N failed, N skipped`
// (what CI reads; mocha's own "N passing" epilogue is coloured and spread over lines).
const { reporters, Runner } = require('mocha');

const { Spec, Base } = reporters;
const { EVENT_RUN_END } = Runner.constants;

/** Spec reporter that ends the run with `N passed, N failed, N skipped` on its own line. */
class SummaryReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    // Registered after Spec's own run-end listener, so this line comes after its epilogue.
    runner.once(EVENT_RUN_END, () => {
      const stats = this.stats;
      Base.consoleLog(`${stats.passes || 0} passed, ${stats.failures || 0} failed, ${stats.pending || 0} skipped`);
    });
  }
}

SummaryReporter.description = 'spec, then `N passed, N failed, N skipped`';

module.exports = SummaryReporter;
