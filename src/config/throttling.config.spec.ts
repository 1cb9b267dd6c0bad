import { DEFAULT_PRODUCTS, parseProducts } from './throttling.config';
import { ConfigurationError } from './validate-env';

describe('THROTTLE_PRODUCTS', () => {
  it('keeps the built-in products and replaces those named', () => {
    const products = parseProducts(
      '{"default": [{"name": "per-minute", "limit": 600, "windowSeconds": 60}], "gold": []}',
    );
    expect(products.default).toEqual([{ name: 'per-minute', limit: 600, windowSeconds: 60 }]);
    expect(products.gold).toEqual([]);
    expect(products.anonymous).toEqual(DEFAULT_PRODUCTS.anonymous);
  });

  it('refuses malformed windows, naming each', () => {
    try {
      parseProducts(
        '{"default": [{"name": "a", "limit": 0, "windowSeconds": 1}, {"name": "a", "limit": 5, "windowSeconds": 1}], "x": 5}',
      );
      throw new Error('expected a ConfigurationError');
    } catch (e) {
      expect((e as ConfigurationError).problems).toEqual([
        'THROTTLE_PRODUCTS.default[0]: needs a unique name, an integer limit ≥ 1 and windowSeconds between 1 and 2678400',
        'THROTTLE_PRODUCTS.default[1]: needs a unique name, an integer limit ≥ 1 and windowSeconds between 1 and 2678400',
        'THROTTLE_PRODUCTS.x: must be a list of at most 8 windows',
      ]);
    }
    expect(() => parseProducts('not json')).toThrow(ConfigurationError);
  });
});
