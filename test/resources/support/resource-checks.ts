// Moved to test/support (the one support module); this path stays so that specs written against it still compile.
export {
  AUTHORITY_KEY,
  bootWithSandbox,
  client,
  type CollectionBody,
  DEMO_KEY,
  expectDefaultsAndExactWindows,
  KEY_HEADER,
  PROMOTER_KEY,
} from '../../support';
