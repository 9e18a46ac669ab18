/**
 * Capitalised words that name a people or a nationality ("American", "Syrian"): adjectives, not
 * names of anyone or any outlet ("American journalist Steven Sotloff", "The evidence also names
 * American" is wrong on both counts).
 */
export const DEMONYM =
  /^(?:American|British|English|Scottish|Welsh|Irish|Canadian|Australian|French|German|Russian|Chinese|Japanese|Korean|Israeli|Palestinian|Syrian|Iraqi|Iranian|Afghan|Pakistani|Indian|Turkish|Kurdish|Saudi|Egyptian|Lebanese|Jordanian|Qatari|Yemeni|Libyan|Somali|Nigerian|Kenyan|African|European|Asian|Arab|Mexican|Salvadoran|Venezuelan|Cuban|Colombian|Brazilian|Argentine|Italian|Spanish|Portuguese|Dutch|Belgian|Swiss|Swedish|Norwegian|Danish|Finnish|Polish|Ukrainian|Greek|Hungarian|Czech|Romanian|Serbian|Nicaraguan|Chilean|Peruvian|Filipino|Vietnamese|Thai|Indonesian|Malaysian)s?$/;
