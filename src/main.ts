import { settingsOrExit, startServer } from './server';

void startServer(settingsOrExit());
