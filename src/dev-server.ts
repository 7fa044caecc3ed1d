// Entry for `npm run dev` (under tsx watch): the same as `sanxiang serve --demo`.
import { main } from './main.js';

process.exitCode = await main(['serve', '--demo']);
