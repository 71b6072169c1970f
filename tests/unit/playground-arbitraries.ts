/**
 * fast-check arbitraries of the playground's settings, drawn from its URL table: every value in
 * the form the table itself writes, so a generated config is one a link can hold.
 */
import fc from 'fast-check';
import type { UrlParamSpec } from '../../src/lib/url-state.ts';
import { configTable, type Config } from '../../src/widgets/playground/config.ts';
import { withPoint } from '../../src/widgets/playground/added-points.ts';

/** Valid values of one spec of the playground's table, in the form the table writes them. */
function valueArbitrary(key: string, spec: UrlParamSpec): fc.Arbitrary<string | number> {
  if (spec.kind === 'enum') return fc.constantFrom(...spec.values);
  if (spec.kind === 'list') {
    const { item } = spec;
    const items =
      'values' in item
        ? spec.set
          ? fc
              .subarray([...item.values], { minLength: spec.minItems, maxLength: spec.maxItems })
              .map((ids) => ids.join(','))
          : fc
              .array(fc.constantFrom(...item.values), {
                minLength: spec.minItems,
                maxLength: spec.maxItems,
              })
              .map((ids) => ids.join(','))
        : fc
            .array(fc.integer({ min: item.min, max: item.max }), {
              minLength: spec.minItems,
              maxLength: spec.maxItems,
            })
            .map((ws) => ws.join(','));
    // Empty is "none given" (a network of `layers` x `width`; the default inputs).
    return fc.oneof(fc.constant(''), items);
  }
  if (spec.kind === 'text') {
    if (key === 'expr')
      return fc.string({ maxLength: spec.maxLength }).filter((t) => !/\p{Cc}/u.test(t));
    if (key === 'exprp') return fc.constantFrom('', 'a:0.5', 'beta:-2,a:1');
    // The added points, as clicks write them.
    return fc
      .array(
        fc.tuple(
          fc.integer({ min: -600, max: 600 }),
          fc.integer({ min: -600, max: 600 }),
          fc.boolean(),
        ),
        { maxLength: 5 },
      )
      .map((ps) => ps.reduce((acc, [x, y, c]) => withPoint(acc, x / 100, y / 100, c, 6), ''));
  }
  return spec.integer
    ? fc.integer({ min: spec.min, max: spec.max })
    : fc
        .double({ min: spec.min, max: spec.max, noNaN: true, noDefaultInfinity: true })
        .map((v) => (Object.is(v, -0) ? 0 : v));
}

/** Any valid playground config: every value drawn from its own spec. */
export const configArbitrary = fc.record(
  Object.fromEntries(Object.entries(configTable).map(([k, spec]) => [k, valueArbitrary(k, spec)])),
) as unknown as fc.Arbitrary<Config>;
