// Ends the run with a plain `N passed, N failed` line that humans and CI can read at a glance.
class SummaryReporter {
	onRunComplete(_contexts, results) {
		const skipped = results.numPendingTests + results.numTodoTests;
		const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed`;
		process.stdout.write(`\n${skipped ? `${line}, ${skipped} skipped` : line}\n`);
	}
}
module.exports = SummaryReporter;
