// `webpack` with the config beside this file, through webpack's own Node API (what webpack-cli calls).
import webpack from "webpack";
import config from "./webpack.config.js";

webpack(config, (err, stats) => {
  if (err || stats.hasErrors()) {
    console.error(err ?? stats.toString({ colors: false }));
    process.exit(1);
  }
  console.log(stats.toString({ colors: false, modules: false }));
});
