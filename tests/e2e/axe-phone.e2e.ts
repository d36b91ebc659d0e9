/** Every main page checked by axe-core on a 390 px phone (axe-pages.ts says which and how). */
import { checkEveryPageAt } from './axe-pages';
import { VIEWPORTS } from './axe';

checkEveryPageAt(VIEWPORTS[1]!);
