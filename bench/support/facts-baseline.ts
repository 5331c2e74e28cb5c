/**
 * The hand-written baseline over the indicator facts (bench/indicators.ts, bench/indicators-read.ts):
 * ONE SQL query counting what the indicators need — population by status and education level,
 * IKom a–d numerators and denominators, SKP scored / from nilai / score sum with the predicate
 * scores — per OPD and level, from the facts of `year` in force on `asOf`: a scan of the year's
 * indicator_fact partition, written by hand with no application code around it.
 */
export function factsBaselineSql(year: number, asOf: string, scoreCents: readonly number[]): string {
  const scores = `'{${scoreCents.join(',')}}'::int[]`;
  return `
    SELECT f.opd_id AS unit_id, f.level::int AS level,
      count(*)::int AS n,
      count(*) FILTER (WHERE f.status = 'PNS')::int AS pns,
      count(*) FILTER (WHERE f.status = 'CPNS')::int AS cpns,
      count(*) FILTER (WHERE f.status = 'PPPK')::int AS pppk,
      count(*) FILTER (WHERE f.eselon_holder)::int AS a_den,
      count(*) FILTER (WHERE f.eselon_holder AND f.leadership)::int AS a_num,
      count(*) FILTER (WHERE f.jft)::int AS b_den,
      count(*) FILTER (WHERE f.jft AND f.functional)::int AS b_num,
      count(*) FILTER (WHERE f.jp >= 20)::int AS c_num,
      count(*) FILTER (WHERE f.workshops > 0)::int AS d_num,
      count(COALESCE(f.skp_cents, (${scores})[f.skp_predikat]))::int AS scored,
      count(f.skp_cents)::int AS from_nilai,
      COALESCE(sum(COALESCE(f.skp_cents, (${scores})[f.skp_predikat])), 0)::float8 AS score_cents
    FROM indicator_fact f
    WHERE f.year = ${Number(year)} AND f.valid_from <= '${asOf}' AND f.valid_to > '${asOf}'
    GROUP BY 1, 2`;
}
