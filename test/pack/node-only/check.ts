// Every entry point of @stue/core a Node program may use (not `@stue/core/idb`, which is for
// browsers), and @stue/hub, in a strict project without the DOM lib and without skipLibCheck.
import { validateNomination, type Nomination } from '@stue/core';
import * as client from '@stue/core/client';
import * as reports from '@stue/core/reports';
import * as scheduler from '@stue/core/scheduler';
import { type Jwk, seal } from '@stue/core/sealing';
import { Outbox } from '@stue/core/sync';
import { createApp, openDatabase, startServer } from '@stue/hub';

export const checked: unknown[] = [client, reports, scheduler, seal, Outbox, validateNomination];
export const hub: unknown[] = [createApp, openDatabase, startServer];
export type Checked = [Nomination, Jwk];
