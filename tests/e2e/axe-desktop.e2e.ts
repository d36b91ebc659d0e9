/** Every main page checked by axe-core at 1280 px (axe-pages.ts says which and how). */
import { checkEveryPageAt } from './axe-pages';
import { VIEWPORTS } from './axe';

checkEveryPageAt(VIEWPORTS[0]!);
