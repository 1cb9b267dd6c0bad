// Moved to test/support (the one support module); this path stays so that specs written against it still compile.
export { clearFaults, day, KEY, sandboxUrl, setFault } from '../support';
