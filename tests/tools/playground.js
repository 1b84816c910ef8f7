#!/usr/bin/env node
// Starts the Microsoft 365 Agents Playground (the agentsplayground CLI of
// @microsoft/m365agentsplayground) with every server it opens bound to 127.0.0.1: the CLI itself
// listens on all interfaces. Arguments are the CLI's, e.g.
//   node tests/tools/playground.js -e http://127.0.0.1:3978/api/messages -c msteams --dt -p 56150
// Set TEAMSAPPTESTER_BROWSER=none to keep it from opening a browser.
'use strict';

const net = require('net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  if (typeof args[0] === 'number' && (args.length === 1 || typeof args[1] === 'function')) {
    args.splice(1, 0, '127.0.0.1');
  }
  return listen.apply(this, args);
};

require('@microsoft/m365agentsplayground/cli.js');
