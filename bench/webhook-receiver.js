'use strict';
// A webhook receiver for bench/webhooks.js, in its own process: answers 200 at once and reports each arrival.
const { createServer } = require('node:http');

const arrivals = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    arrivals.push([JSON.parse(body).data.eventId, Date.now()]);
    res.statusCode = 200;
    res.end();
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', (m) => {
  if (m === 'report') process.send({ arrivals });
});
