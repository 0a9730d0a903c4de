/** A fitted curve's share at a month, seasonal term included, held to [0, 1]. */
import type { BassParams } from '../model/trends.js';
import { bassF } from './bass.js';
import { seasonFactor } from './bass-linear.js';

/** The share at month t (months since the axis' first month, whose absolute index is `first`). */
export function predictShare(b: BassParams, t: number, first: number): number {
  return Math.min(1, Math.max(0, b.m * bassF(t - b.t0, b.p, b.q) * seasonFactor(b.seasonal, first + t)));
}
