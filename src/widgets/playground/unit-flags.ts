/**
 * Flag bits of a snapshot's `unitFlags`, in their own module so the page reads them without
 * importing the session (and with it the engine) into its chunks.
 */

/** f'(z) was 0 on every training point: no gradient reaches the unit's weights. */
export const UNIT_DEAD = 1;
/** z was negative on every training point. */
export const UNIT_INACTIVE = 2;
